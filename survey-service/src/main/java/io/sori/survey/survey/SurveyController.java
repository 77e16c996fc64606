package io.sori.survey.survey;

import io.sori.platform.web.ProblemException;
import io.sori.platform.web.RequestIds;
import io.sori.survey.questions.Question;
import io.sori.survey.questions.QuestionType;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * The links customers get: public, no login; the token is the only key, and it opens that one
 * survey. Nothing about the customer, the ticket or the agent is shown.
 */
@RestController
@RequestMapping("/api/surveys")
class SurveyController {

    private final SurveyAnswers surveys;

    SurveyController(SurveyAnswers surveys) {
        this.surveys = surveys;
    }

    record QuestionView(String key, String type, String text, boolean required, Integer min, Integer max,
            Integer maxLength) {

        static QuestionView of(Question q) {
            boolean score = q.type() == QuestionType.SCORE;
            return new QuestionView(q.key(), q.type().name(), q.text(), q.required(),
                    score ? Question.MIN_SCORE : null, score ? Question.MAX_SCORE : null,
                    q.type() == QuestionType.TEXT ? q.maxLength() : null);
        }
    }

    record SurveyView(String status, String kind, Instant expiresAt, String questionSetId, int questionSetVersion,
            List<QuestionView> questions, Instant answeredAt) {

        static SurveyView of(Survey s) {
            return new SurveyView(s.status().name(), s.kind().name(), s.expiresAt(), s.questionSet().id(),
                    s.questionSet().version(), s.questionSet().questions().stream().map(QuestionView::of).toList(),
                    s.answeredAt());
        }
    }

    record ResponseView(String status, Instant answeredAt, Map<String, Object> answers) {
    }

    @GetMapping("/{token}")
    Mono<SurveyView> questions(@PathVariable String token) {
        return surveys.open(token).map(SurveyView::of);
    }

    @PostMapping("/{token}/responses")
    Mono<ResponseEntity<ResponseView>> respond(@PathVariable String token, @RequestBody Map<String, Object> body) {
        Object answers = body.get("answers");
        if (!(answers instanceof Map<?, ?> map)) {
            return Mono.error(ProblemException.badRequest("answers",
                    "must be an object of answers keyed by question, e.g. {\"overall\": 5}"));
        }
        @SuppressWarnings("unchecked")
        Map<String, ?> typed = (Map<String, ?>) map;
        return RequestIds.correlationId().defaultIfEmpty(UUID.randomUUID().toString())
                .flatMap(correlationId -> surveys.answer(token, typed, correlationId))
                .map(s -> ResponseEntity.created(URI.create("/api/surveys/" + token))
                        .body(new ResponseView(s.status().name(), s.answeredAt(), s.answers())));
    }
}
