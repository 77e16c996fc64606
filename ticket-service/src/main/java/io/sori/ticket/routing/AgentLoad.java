package io.sori.ticket.routing;

import java.time.Instant;
import java.time.LocalDate;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Agents' load counters, changed only by compare-and-set on what was read: a claim succeeds only
 * if nobody else took a slot of that agent since, so capacity is never overbooked by two
 * instances routing at once.
 */
@Component
class AgentLoad {

    private final ReactiveMongoTemplate mongo;

    AgentLoad(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** Takes one concurrent and one daily slot of the agent as seen in {@code seen}; empty if it moved. */
    Mono<Agent> claim(Agent seen, LocalDate today, Instant now) {
        Criteria unchanged = Criteria.where("_id").is(seen.id()).and("version").is(seen.version())
                .and("status").is(AgentStatus.AVAILABLE);
        Update take = new Update().inc("active", 1).inc("version", 1).set("lastAssignedAt", now);
        if (today.equals(seen.day())) {
            take.inc("assignedToday", 1);
        } else {
            take.set("day", today).set("assignedToday", 1);
        }
        return mongo.findAndModify(Query.query(unchanged), take, FindAndModifyOptions.options().returnNew(true),
                Agent.class);
    }

    /** Gives a slot back (the ticket was resolved, closed or reassigned). */
    Mono<Void> release(String agentId) {
        return mongo.updateFirst(Query.query(Criteria.where("_id").is(agentId).and("active").gt(0)),
                new Update().inc("active", -1).inc("version", 1), Agent.class).then();
    }

    /** Sets the count from the tickets themselves, unless the agent changed since it was read. */
    Mono<Boolean> reconcile(Agent seen, int actualActive) {
        if (seen.active() == actualActive) {
            return Mono.just(false);
        }
        return mongo.updateFirst(Query.query(Criteria.where("_id").is(seen.id()).and("version").is(seen.version())),
                        new Update().set("active", actualActive).inc("version", 1), Agent.class)
                .map(result -> result.getModifiedCount() > 0);
    }
}
