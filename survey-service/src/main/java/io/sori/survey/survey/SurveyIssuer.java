package io.sori.survey.survey;

import io.sori.events.channel.Channel;
import io.sori.events.survey.SurveyIssued;
import io.sori.platform.outbox.OutboxMessage;
import io.sori.platform.outbox.OutboxRelay;
import io.sori.survey.questions.QuestionSet;
import io.sori.survey.questions.QuestionSets;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * Issues surveys: one insert of the survey with its {@code SurveyIssued} in the outbox. The unique
 * {@code dedupeKey} makes it once per ticket (and once per customer per campaign), however often the
 * cause is delivered.
 */
@Service
public class SurveyIssuer {

    private static final Logger log = LoggerFactory.getLogger(SurveyIssuer.class);

    private final ReactiveMongoTemplate mongo;
    private final QuestionSets questionSets;
    private final SurveySettings settings;
    private final SurveyMetrics metrics;
    private final Clock clock;
    private final ObjectProvider<OutboxRelay> relay;

    SurveyIssuer(ReactiveMongoTemplate mongo, QuestionSets questionSets, SurveySettings settings,
            SurveyMetrics metrics, Clock clock, ObjectProvider<OutboxRelay> relay) {
        this.mongo = mongo;
        this.questionSets = questionSets;
        this.settings = settings;
        this.metrics = metrics;
        this.clock = clock;
        this.relay = relay;
    }

    /** What a survey is about: a resolved ticket, or a customer in a campaign. */
    public record Subject(String ticketId, String campaignId, String customerId, Channel channel, String category,
            String agent, String team) {

        Survey.Kind kind() {
            return campaignId == null ? Survey.Kind.TICKET : Survey.Kind.CAMPAIGN;
        }

        String dedupeKey() {
            return campaignId == null ? "ticket:" + ticketId : "campaign:" + campaignId + ":" + customerId;
        }
    }

    /** True when this call issued the survey, false when it had been issued before. */
    public Mono<Boolean> issue(Subject subject, String correlationId) {
        return Mono.defer(() -> {
            Instant now = clock.instant();
            String channel = subject.channel() == null ? null : subject.channel().name();
            QuestionSet set = subject.kind() == Survey.Kind.CAMPAIGN ? questionSets.forCampaign(channel)
                    : questionSets.forConsultation(channel, subject.category());
            String id = UUID.randomUUID().toString();
            String token = SurveyTokens.next();
            Instant expiresAt = now.plus(settings.expiresAfter());
            SurveyIssued issued = new SurveyIssued(id, token, subject.ticketId(), subject.customerId(),
                    subject.channel(), expiresAt, subject.agent(), subject.category(), subject.campaignId());
            Survey survey = new Survey(id, token, subject.dedupeKey(), subject.kind(), subject.ticketId(),
                    subject.campaignId(), subject.customerId(), channel, subject.category(), subject.agent(),
                    subject.team(), set, now, expiresAt, Periods.of(now), Survey.Status.ISSUED, null, null, null,
                    null, null, null, null, 0, 0, false, List.of(OutboxMessage.of(issued, correlationId, now)));
            return mongo.insert(survey)
                    .map(saved -> {
                        metrics.issued(channel, subject.kind());
                        relay.ifAvailable(r -> r.wakeUp(Survey.COLLECTION, saved.id()));
                        log.info("survey {} issued for {} ({} v{})", id, subject.dedupeKey(), set.id(), set.version());
                        return true;
                    })
                    .onErrorResume(DuplicateKeyException.class, already -> {
                        log.debug("survey for {} was issued before", subject.dedupeKey());
                        return Mono.just(false);
                    });
        });
    }
}
