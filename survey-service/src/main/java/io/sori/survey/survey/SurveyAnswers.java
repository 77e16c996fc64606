package io.sori.survey.survey;

import io.sori.events.SoriEvent;
import io.sori.events.channel.Channel;
import io.sori.events.survey.LowSatisfactionReported;
import io.sori.events.survey.SurveyAnswered;
import io.sori.platform.outbox.OutboxMessage;
import io.sori.platform.outbox.OutboxRelay;
import io.sori.platform.web.ProblemException;
import io.sori.survey.questions.AnswerCheck;
import io.sori.survey.questions.QuestionSet;
import io.sori.survey.questions.QuestionType;
import io.sori.platform.redaction.PiiRedactor;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * The public side of a survey: its questions by token, and its one answer. The answer is one
 * conditional update (still ISSUED, not yet expired) that stores it and its events together, so two
 * answers racing each other cannot both win, and a low score's follow-up cannot get lost.
 */
@Service
public class SurveyAnswers {

    private final ReactiveMongoTemplate mongo;
    private final PiiRedactor redactor;
    private final SurveySettings settings;
    private final SurveyMetrics metrics;
    private final Clock clock;
    private final ObjectProvider<OutboxRelay> relay;

    SurveyAnswers(ReactiveMongoTemplate mongo, PiiRedactor redactor, SurveySettings settings,
            SurveyMetrics metrics, Clock clock, ObjectProvider<OutboxRelay> relay) {
        this.mongo = mongo;
        this.redactor = redactor;
        this.settings = settings;
        this.metrics = metrics;
        this.clock = clock;
        this.relay = relay;
    }

    /** The survey behind a link: 404 for an unknown token, 410 once expired unanswered. */
    public Mono<Survey> open(String token) {
        return byToken(token).map(survey -> {
            if (survey.status() == Survey.Status.ISSUED && survey.expiredAt(clock.instant())) {
                throw expired(survey);
            }
            return survey;
        });
    }

    /** Stores the one answer: 201 once, then 409; 410 after expiry; 400 naming the field for bad answers. */
    public Mono<Survey> answer(String token, Map<String, ?> answers, String correlationId) {
        return byToken(token).flatMap(survey -> {
            Instant now = clock.instant();
            refuseIfClosed(survey, now);
            AnswerCheck.Result checked = AnswerCheck.check(survey.questionSet(), answers);
            if (!checked.ok()) {
                throw invalid(checked.problems());
            }
            Map<String, Object> accepted = redacted(survey.questionSet(), checked.answers());
            Query stillOpen = Query.query(Criteria.where("_id").is(survey.id())
                    .and("status").is(Survey.Status.ISSUED)
                    .and("expiresAt").gt(now));
            return mongo.findAndModify(stillOpen, answerUpdate(survey, accepted, now, correlationId),
                            FindAndModifyOptions.options().returnNew(true), Survey.class)
                    .switchIfEmpty(Mono.defer(() -> byToken(token).map(current -> {
                        refuseIfClosed(current, clock.instant());
                        throw ProblemException.conflict("survey-answered", "this survey was just answered");
                    })))
                    .doOnSuccess(saved -> {
                        metrics.answered(saved);
                        relay.ifAvailable(r -> r.wakeUp(Survey.COLLECTION, saved.id()));
                    });
        });
    }

    private Update answerUpdate(Survey survey, Map<String, Object> answers, Instant now, String correlationId) {
        int overall = (Integer) answers.get(QuestionSet.OVERALL);
        Integer speed = (Integer) answers.get(QuestionSet.SPEED);
        Boolean resolved = (Boolean) answers.get(QuestionSet.RESOLVED);
        String missingInfo = (String) answers.get(QuestionSet.MISSING_INFO);
        boolean low = overall <= settings.lowScoreAtMost() || Boolean.FALSE.equals(resolved);
        Channel channel = survey.channel() == null ? null : Channel.valueOf(survey.channel());

        List<SoriEvent> events = new ArrayList<>();
        events.add(new SurveyAnswered(survey.id(), survey.ticketId(), survey.customerId(), survey.agent(), channel,
                survey.category(), overall, speed == null ? 0 : speed, !Boolean.FALSE.equals(resolved), missingInfo,
                survey.questionSet().id(), survey.questionSet().version(), survey.campaignId()));
        // the follow-up is about a consultation: a campaign's survey has no ticket to review
        if (low && survey.ticketId() != null) {
            events.add(new LowSatisfactionReported(survey.id(), survey.ticketId(), survey.customerId(), overall,
                    missingInfo, resolved, survey.agent(), channel, survey.category()));
        }
        Update update = new Update()
                .set("status", Survey.Status.ANSWERED)
                .set("answeredAt", now)
                .set("answered", Periods.of(now))
                .set("answers", answers)
                .set("overall", overall)
                .set("score100", Survey.score100(overall))
                .set("satisfied", Survey.satisfied(overall) ? 1 : 0)
                .set("answeredCount", 1)
                .set("lowSatisfaction", low);
        if (speed != null) {
            update.set("speed", speed);
        }
        if (resolved != null) {
            update.set("resolved", resolved);
        }
        update.push("outbox").each(events.stream().map(e -> OutboxMessage.of(e, correlationId, now)).toArray());
        return update;
    }

    private Map<String, Object> redacted(QuestionSet set, Map<String, Object> answers) {
        Map<String, Object> out = new LinkedHashMap<>(answers);
        set.questions().stream().filter(q -> q.type() == QuestionType.TEXT)
                .forEach(q -> out.computeIfPresent(q.key(), (k, v) -> redactor.redact((String) v)));
        return out;
    }

    private Mono<Survey> byToken(String token) {
        if (!SurveyTokens.wellFormed(token)) {
            return Mono.error(unknown());
        }
        return mongo.findOne(Query.query(Criteria.where("token").is(token)), Survey.class)
                .switchIfEmpty(Mono.error(SurveyAnswers::unknown));
    }

    private static void refuseIfClosed(Survey survey, Instant now) {
        if (survey.status() == Survey.Status.ANSWERED) {
            throw ProblemException.conflict("survey-answered", "this survey has already been answered")
                    .with("answeredAt", survey.answeredAt());
        }
        if (survey.expiredAt(now)) {
            throw expired(survey);
        }
    }

    private static ProblemException unknown() {
        return new ProblemException(HttpStatus.NOT_FOUND, "not-found", "Not found", "no survey has this link");
    }

    private static ProblemException expired(Survey survey) {
        return new ProblemException(HttpStatus.GONE, "survey-expired", "Gone", "this survey could be answered until "
                + survey.expiresAt()).with("expiresAt", survey.expiresAt());
    }

    private static ProblemException invalid(List<AnswerCheck.Problem> problems) {
        List<ProblemException.FieldProblem> errors = problems.stream()
                .map(p -> new ProblemException.FieldProblem(p.field(), p.message())).toList();
        String detail = String.join("; ", problems.stream().map(p -> p.field() + ": " + p.message()).toList());
        return new ProblemException(HttpStatus.BAD_REQUEST, "validation", "Invalid request", detail)
                .with("errors", errors);
    }
}
