package io.sori.ticket.routing;

import io.sori.ticket.ticket.Ticket;
import io.sori.ticket.ticket.TicketWriter;
import io.sori.ticket.ticket.TicketRules;
import jakarta.annotation.PreDestroy;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.function.Function;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.aggregation.Aggregation;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Hands the head of each skill queue to the least-loaded available agent with the skill, in
 * rounds (every few seconds, and at once when poked). Safe with several instances: an agent's
 * slot is taken by compare-and-set, and a ticket is assigned only if it still has no assignee at
 * its version, else the slot is given back.
 */
@Service
public class RoutingService {

    private static final Logger log = LoggerFactory.getLogger(RoutingService.class);
    private static final ZoneId SEOUL = ZoneId.of("Asia/Seoul");
    private static final int ROUND_LIMIT = 200;
    private static final String ROUTING = "routing";

    private final ReactiveMongoTemplate mongo;
    private final AgentLoad load;
    private final TicketWriter writer;
    private final TicketRules rules;
    private final RoutingTrigger trigger;
    private final Clock clock;
    private final Router router = new Router();
    private Disposable rounds;

    RoutingService(ReactiveMongoTemplate mongo, AgentLoad load, TicketWriter writer, TicketRules rules,
            RoutingTrigger trigger, Clock clock) {
        this.mongo = mongo;
        this.load = load;
        this.writer = writer;
        this.rules = rules;
        this.trigger = trigger;
        this.clock = clock;
    }

    @EventListener(ApplicationReadyEvent.class)
    void start() {
        Duration every = rules.settings().routingInterval();
        rounds = Flux.merge(Flux.interval(every, every), trigger.pokes())
                .onBackpressureLatest()
                .concatMap(tick -> routeWaiting().onErrorResume(e -> {
                    log.warn("routing round failed, next round retries: {}", e.toString());
                    return Mono.just(0);
                }), 1)
                .subscribe();
    }

    @PreDestroy
    void stop() {
        if (rounds != null) {
            rounds.dispose();
        }
    }

    /** One round: every unassigned open ticket in queue order gets an agent if one has room. */
    public Mono<Integer> routeWaiting() {
        Query waiting = Query.query(Criteria.where("open").is(true).and("assignee").is(null))
                .with(Sort.by("priorityRank", "queueDueAt", "createdAt")).limit(ROUND_LIMIT);
        return mongo.find(waiting, Ticket.class)
                .concatMap(ticket -> route(ticket).map(assigned -> assigned ? 1 : 0))
                .reduce(0, Integer::sum);
    }

    /** Tries to give one ticket to an agent now. */
    public Mono<Boolean> route(Ticket ticket) {
        LocalDate today = LocalDate.now(clock.withZone(SEOUL));
        return mongo.find(Query.query(Criteria.where("skills").is(ticket.skill())
                        .and("status").is(AgentStatus.AVAILABLE)), Agent.class)
                .collectMap(Agent::id, Function.identity())
                .flatMap(agents -> {
                    List<Router.Candidate> ranked = router.rank(
                            agents.values().stream().map(a -> a.candidate(today, clock.instant())).toList(),
                            ticket.skill(),
                            ticket.escalated());
                    return Flux.fromIterable(ranked)
                            .concatMap(c -> load.claim(agents.get(c.agentId()), today, clock.instant()), 1)
                            .next()
                            .flatMap(agent -> assign(ticket.id(), agent))
                            .defaultIfEmpty(false);
                });
    }

    private Mono<Boolean> assign(String ticketId, Agent agent) {
        return writer.update(ticketId, null, ROUTING, null, (ticket, change) -> {
                    if (ticket.assignee() != null || !ticket.isOpen()) {
                        return false;
                    }
                    ticket.assign(agent.id(), change, rules);
                    ticket.confirmReceipt(agent.displayName(), agent.contact(), change);
                    return true;
                })
                .map(ticket -> agent.id().equals(ticket.assignee()))
                .onErrorResume(e -> Mono.just(false))
                .flatMap(assigned -> {
                    if (assigned) {
                        log.info("ticket {} assigned to {}", ticketId, agent.id());
                        return Mono.just(true);
                    }
                    return load.release(agent.id()).thenReturn(false); // someone else got there first
                });
    }

    /** Sets every agent's active count from the tickets, fixing drift from a crash between two writes. */
    public Mono<Void> reconcileLoad() {
        Aggregation openByAssignee = Aggregation.newAggregation(
                Aggregation.match(Criteria.where("open").is(true).and("assignee").ne(null)),
                Aggregation.group("assignee").count().as("n"));
        return mongo.aggregate(openByAssignee, Ticket.COLLECTION, Document.class)
                .collectMap(d -> d.getString("_id"), d -> ((Number) d.get("n")).intValue())
                .flatMapMany(counts -> mongo.findAll(Agent.class)
                        .concatMap(agent -> load.reconcile(agent, counts.getOrDefault(agent.id(), 0))))
                .then();
    }

    /** Gives back the agent's slot when a ticket stops needing them. */
    public Mono<Void> release(String agentId) {
        if (agentId == null) {
            return Mono.empty();
        }
        return load.release(agentId).doOnSuccess(done -> trigger.poke());
    }

}
