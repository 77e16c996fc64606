package io.sori.survey.campaign;

import io.sori.events.channel.Channel;
import io.sori.survey.survey.Survey;
import io.sori.survey.survey.SurveyIssuer;
import io.sori.survey.tickets.TicketFacts;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.aggregation.Aggregation;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Starts campaigns and sends their surveys, one per customer, resumably. */
@Service
public class Campaigns {

    private static final Logger log = LoggerFactory.getLogger(Campaigns.class);
    /** How long one instance owns a running campaign before another may take it over. */
    static final Duration LEASE = Duration.ofMinutes(2);

    private final ReactiveMongoTemplate mongo;
    private final SurveyIssuer issuer;
    private final Clock clock;

    Campaigns(ReactiveMongoTemplate mongo, SurveyIssuer issuer, Clock clock) {
        this.mongo = mongo;
        this.issuer = issuer;
        this.clock = clock;
    }

    public record NewCampaign(String name, Instant closedFrom, Instant closedTo, Channel channel, String category) {
    }

    /**
     * Records the campaign (with this caller's lease) and starts sending in the background. The same
     * id again (an {@code Idempotency-Key} retried) answers the campaign already there.
     */
    public Mono<Campaign> start(String id, NewCampaign c, String createdBy, String correlationId) {
        Instant now = clock.instant();
        Campaign campaign = new Campaign(id, c.name(), c.closedFrom(), c.closedTo(),
                c.channel() == null ? null : c.channel().name(), c.category(), createdBy, now,
                Campaign.Status.RUNNING, now.plus(LEASE), 0, 0, null);
        return mongo.insert(campaign)
                .doOnSuccess(saved -> send(saved, correlationId)
                        .subscribe(null, e -> log.warn("campaign {} paused, resumed later: {}", id, e.toString())))
                .onErrorResume(DuplicateKeyException.class, again -> find(id));
    }

    public Mono<Campaign> find(String id) {
        return mongo.findById(id, Campaign.class);
    }

    public Flux<Campaign> recent() {
        return mongo.find(new Query().with(Sort.by(Sort.Direction.DESC, "createdAt")).limit(100), Campaign.class);
    }

    /** Takes over one running campaign whose lease ran out (its sender stopped), if any, and finishes it. */
    Mono<Void> resumeOne() {
        Instant now = clock.instant();
        Query stalled = Query.query(Criteria.where("status").is(Campaign.Status.RUNNING).and("leaseUntil").lt(now));
        return mongo.findAndModify(stalled, new Update().set("leaseUntil", now.plus(LEASE)),
                        FindAndModifyOptions.options().returnNew(true), Campaign.class)
                .flatMap(c -> send(c, "campaign-" + c.id()).then());
    }

    /** Issues every customer's survey (those issued before are skipped by their unique key), then DONE. */
    private Mono<Campaign> send(Campaign c, String correlationId) {
        Criteria closed = Criteria.where("closedAt").gte(c.closedFrom()).lt(c.closedTo()).and("customerId").ne(null);
        if (c.channel() != null) {
            closed = closed.and("channel").is(c.channel());
        }
        if (c.category() != null) {
            closed = closed.and("category").is(c.category());
        }
        // the latest closed ticket of each customer decides the channel the survey goes out on
        Aggregation customers = Aggregation.newAggregation(
                Aggregation.match(closed),
                Aggregation.sort(Sort.by(Sort.Direction.DESC, "closedAt")),
                Aggregation.group("customerId").first("channel").as("channel"));
        return mongo.aggregate(customers, TicketFacts.COLLECTION, Document.class)
                .concatMap(d -> {
                    String channel = d.getString("channel");
                    return issuer.issue(new SurveyIssuer.Subject(null, c.id(), d.getString("_id"),
                            channel == null ? null : Channel.valueOf(channel), null, null, null), correlationId)
                            .thenReturn(1L);
                })
                .count()
                .flatMap(customerCount -> mongo.count(Query.query(Criteria.where("campaignId").is(c.id())),
                                Survey.class)
                        .flatMap(issued -> mongo.findAndModify(Query.query(Criteria.where("_id").is(c.id())),
                                new Update().set("status", Campaign.Status.DONE).set("customers", customerCount)
                                        .set("issued", issued).set("finishedAt", clock.instant()).unset("leaseUntil"),
                                FindAndModifyOptions.options().returnNew(true), Campaign.class)))
                .doOnSuccess(done -> log.info("campaign {} sent: {} survey(s)", c.id(), done == null ? 0 : done.issued()));
    }

    static String newId() {
        return "cmp-" + UUID.randomUUID();
    }
}
