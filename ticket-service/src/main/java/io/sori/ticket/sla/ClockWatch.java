package io.sori.ticket.sla;

import io.sori.events.ticket.TicketStage;
import io.sori.platform.schedule.Periodic;
import io.sori.ticket.routing.RoutingService;
import io.sori.ticket.routing.RoutingTrigger;
import io.sori.ticket.ticket.Ticket;
import io.sori.ticket.ticket.TicketMetrics;
import io.sori.ticket.ticket.TicketRules;
import io.sori.ticket.ticket.TicketService;
import io.sori.ticket.ticket.TicketWriter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.aggregation.Aggregation;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Watches the clocks every few seconds (well inside a minute): reports and escalates first-response,
 * resolution and regulatory breaches, closes tickets resolved longer than the reopen window,
 * confirms formal complaints nobody confirmed yet, refreshes the queue gauges and the agents'
 * load. Every instance may run it: each change is a versioned write of an idempotent domain step,
 * so a breach is reported once however many watchers see it.
 */
@Component
public class ClockWatch extends Periodic {

    private static final Logger log = LoggerFactory.getLogger(ClockWatch.class);
    private static final String ACTOR = "sla-watch";
    private static final Duration RECEIPT_GRACE = Duration.ofSeconds(10);

    private final ReactiveMongoTemplate mongo;
    private final TicketWriter writer;
    private final TicketService tickets;
    private final TicketRules rules;
    private final TicketMetrics metrics;
    private final RoutingService routing;
    private final RoutingTrigger routingTrigger;
    private final Clock clock;
    private final AtomicLong rounds = new AtomicLong();

    ClockWatch(ReactiveMongoTemplate mongo, TicketWriter writer, TicketService tickets, TicketRules rules,
            TicketMetrics metrics, RoutingService routing, RoutingTrigger routingTrigger, Clock clock) {
        super("clock watch round", Duration.ZERO, rules.settings().scanInterval());
        this.mongo = mongo;
        this.writer = writer;
        this.tickets = tickets;
        this.rules = rules;
        this.metrics = metrics;
        this.routing = routing;
        this.routingTrigger = routingTrigger;
        this.clock = clock;
    }

    @Override
    protected Mono<?> pass() {
        return round();
    }

    /** One pass over every clock; public so tests can run one without waiting. */
    public Mono<Void> round() {
        Instant now = clock.instant();
        Mono<Void> reconcile = rounds.getAndIncrement() % 4 == 0 ? routing.reconcileLoad() : Mono.empty();
        return reportBreaches(now)
                .then(closeExpiredResolutions(now))
                .then(confirmPendingReceipts(now))
                .then(refreshGauges())
                .then(reconcile);
    }

    Mono<Void> reportBreaches(Instant now) {
        Criteria firstResponse = Criteria.where("firstRespondedAt").is(null).and("firstResponseDueAt").lte(now)
                .and("breaches").ne(Ticket.FIRST_RESPONSE);
        Criteria resolution = Criteria.where("stage").ne(TicketStage.WAITING_ON_CUSTOMER)
                .and("resolutionDueAt").lte(now).and("breaches").ne(Ticket.RESOLUTION);
        Criteria regulatory = Criteria.where("regulatoryDueAt").lte(now).and("breaches").ne(Ticket.REGULATORY);
        Query due = Query.query(Criteria.where("open").is(true)
                .orOperator(firstResponse, resolution, regulatory)).limit(500);
        return mongo.find(due, Ticket.class)
                .concatMap(found -> {
                    List<String> reported = new ArrayList<>();
                    return writer.update(found.id(), null, ACTOR, null, (ticket, change) -> {
                                reported.clear();
                                for (String clockName : ticket.dueBreaches(change.at())) {
                                    if (ticket.breach(clockName, change)) {
                                        reported.add(clockName);
                                    }
                                }
                                return !reported.isEmpty();
                            })
                            .doOnSuccess(ticket -> {
                                reported.forEach(clockName -> metrics.breached(ticket, clockName));
                                if (!reported.isEmpty()) {
                                    log.warn("ticket {} breached {}: escalated to {}", ticket.number(), reported,
                                            ticket.priority());
                                    routingTrigger.poke();
                                }
                            })
                            .onErrorResume(e -> {
                                log.warn("could not record the breach of ticket {}: {}", found.id(), e.toString());
                                return Mono.empty();
                            });
                })
                .then();
    }

    Mono<Void> closeExpiredResolutions(Instant now) {
        Query expired = Query.query(Criteria.where("stage").is(TicketStage.RESOLVED)
                .and("resolvedAt").lte(now.minus(rules.settings().reopenWindow()))).limit(500);
        return mongo.find(expired, Ticket.class)
                .concatMap(found -> writer.update(found.id(), null, ACTOR, null, (ticket, change) -> {
                    if (ticket.resolvedWithin(rules.settings().reopenWindow(), change.at())
                            || ticket.stage() != TicketStage.RESOLVED) {
                        return false;
                    }
                    ticket.transition(TicketStage.CLOSED, "재오픈 기간 경과", change, rules);
                    return true;
                }).onErrorResume(e -> Mono.empty()))
                .then();
    }

    Mono<Void> confirmPendingReceipts(Instant now) {
        Query pending = Query.query(Criteria.where("formalComplaint").is(true).and("receiptConfirmed").is(false)
                .and("createdAt").lte(now.minus(RECEIPT_GRACE))).limit(500);
        return mongo.find(pending, Ticket.class)
                .concatMap(found -> tickets.confirmReceiptIfDue(found.id(), null).onErrorResume(e -> Mono.empty()))
                .then();
    }

    Mono<Void> refreshGauges() {
        Mono<Map<String, Long>> byStage = mongo.aggregate(Aggregation.newAggregation(
                        Aggregation.match(Criteria.where("stage").ne(TicketStage.CLOSED)),
                        Aggregation.group("stage").count().as("n")), Ticket.COLLECTION, Document.class)
                .collectMap(d -> String.valueOf(d.get("_id")), d -> ((Number) d.get("n")).longValue());
        Mono<Map<String, Long>> waiting = mongo.aggregate(Aggregation.newAggregation(
                        Aggregation.match(Criteria.where("open").is(true).and("assignee").is(null)),
                        Aggregation.group("skill").count().as("n")), Ticket.COLLECTION, Document.class)
                .collectMap(d -> String.valueOf(d.get("_id")), d -> ((Number) d.get("n")).longValue());
        return byStage.doOnNext(metrics::openByStage).then(waiting.doOnNext(metrics::waitingBySkill)).then();
    }
}
