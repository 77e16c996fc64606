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

    public Mono<Answer> answer(String question) {
        SearchQuery query = new SearchQuery(question, Audience.PUBLIC_FAQ, null, null, CANDIDATES, true);
        return search.search(query, SearchService.Purpose.ANSWER).flatMap(result -> {
            double confidence = AnswerConfidence.of(result);
            boolean isAnswered = confidence >= properties.threshold();
            (isAnswered ? answered : unanswered).increment();
            confidences.record(confidence);
            Answer answer = answerOf(result, confidence, isAnswered);
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

    private Answer answerOf(SearchResult result, double confidence, boolean isAnswered) {
        double rounded = Math.round(confidence * 1000) / 1000.0;
        List<SearchHit> hits = result.hits();
        if (!isAnswered) {
            List<Related> related = hits.stream().limit(3).map(h -> new Related(h.id(), h.title())).toList();
            return new Answer(null, null, null, rounded, false, properties.threshold(), related);
        }
        SearchHit best = hits.get(0);
        List<Related> related = hits.stream().skip(1).limit(3).map(h -> new Related(h.id(), h.title())).toList();
        return new Answer(best.id(), best.title(), best.body(), rounded, true, properties.threshold(), related);
    }
}
