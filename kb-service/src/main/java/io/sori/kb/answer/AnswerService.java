package io.sori.kb.answer;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.sori.kb.article.Audience;
import io.sori.kb.search.SearchHit;
import io.sori.kb.search.SearchQuery;
import io.sori.kb.search.SearchResult;
import io.sori.kb.search.SearchService;
import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * The chatbot's answers: the best public FAQ article with a calibrated confidence, and a
 * record of every question answered badly or not at all (the FAQ's gaps).
 */
@Service
@EnableConfigurationProperties(AnswerProperties.class)
public class AnswerService {

    private static final Logger log = LoggerFactory.getLogger(AnswerService.class);
    private static final int CANDIDATES = 4;
    /** Recording a gap must never make the chatbot wait long: it has a short timeout of its own. */
    private static final Duration RECORD_TIMEOUT = Duration.ofMillis(300);

    private final SearchService search;
    private final QuestionGaps gaps;
    private final AnswerProperties properties;
    private final Counter answered;
    private final Counter unanswered;
    private final DistributionSummary confidences;

    public AnswerService(SearchService search, QuestionGaps gaps, AnswerProperties properties, MeterRegistry meters) {
        this.search = search;
        this.gaps = gaps;
        this.properties = properties;
        this.answered = Counter.builder("sori.kb.answers").tag("outcome", "answered")
                .description("Chatbot questions, by whether the FAQ answered them").register(meters);
        this.unanswered = Counter.builder("sori.kb.answers").tag("outcome", "unanswered")
                .description("Chatbot questions, by whether the FAQ answered them").register(meters);
        this.confidences = DistributionSummary.builder("sori.kb.answer.confidence")
                .description("Confidence of the best answer, 0-1: watch it to re-calibrate the threshold")
                .publishPercentileHistogram().minimumExpectedValue(0.01).maximumExpectedValue(1.0)
                .register(meters);
    }

    /** Another article that might help, for a "did you mean" list. */
    public record Related(String articleId, String title) {
    }

    /**
     * @param answer     the article's body (Markdown) when answered
     * @param confidence 0–1, rounded to three places
     * @param related    the next best public articles (or the best ones, when not answered)
     */
    public record Answer(String articleId, String title, String answer, double confidence, boolean answered,
            double threshold, List<Related> related) {
    }

    /** The search an answer runs: the public FAQ only, a few candidates, with the best hit's coverage and body. */
    public static SearchQuery queryFor(String question) {
        return new SearchQuery(question, Audience.PUBLIC_FAQ, null, null, CANDIDATES, true);
    }

    /** What the chatbot is told, given the search's result: the best article if it clears the threshold. */
    public static Answer answerOf(SearchResult result, double threshold) {
        double confidence = AnswerConfidence.of(result);
        double rounded = Math.round(confidence * 1000) / 1000.0;
        List<SearchHit> hits = result.hits();
        if (confidence < threshold) {
            List<Related> related = hits.stream().limit(3).map(h -> new Related(h.id(), h.title())).toList();
            return new Answer(null, null, null, rounded, false, threshold, related);
        }
        SearchHit best = hits.get(0);
        List<Related> related = hits.stream().skip(1).limit(3).map(h -> new Related(h.id(), h.title())).toList();
        return new Answer(best.id(), best.title(), best.body(), rounded, true, threshold, related);
    }

    public Mono<Answer> answer(String question) {
        return search.search(queryFor(question), SearchService.Purpose.ANSWER).flatMap(result -> {
            Answer answer = answerOf(result, properties.threshold());
            double confidence = AnswerConfidence.of(result);
            boolean isAnswered = answer.answered();
            (isAnswered ? answered : unanswered).increment();
            confidences.record(confidence);
            if (confidence >= properties.lowConfidence()) {
                return Mono.just(answer);
            }
            String best = result.hits().isEmpty() ? null : result.hits().get(0).id();
            return gaps.record(QuestionText.normalise(question),
                            isAnswered ? QuestionGaps.Outcome.LOW_CONFIDENCE : QuestionGaps.Outcome.UNANSWERED,
                            confidence, best)
                    .timeout(RECORD_TIMEOUT)
                    .onErrorResume(e -> {
                        log.warn("could not record an FAQ gap: {}", e.toString());
                        return Mono.empty();
                    })
                    .thenReturn(answer);
        });
    }
}
