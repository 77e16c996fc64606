package io.sori.ticket.ticket;

import io.sori.ticket.routing.Agent;
import io.sori.ticket.routing.AgentStatus;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** The live numbers an honest estimate needs: work ahead in a skill queue, agents on shift. */
@Component
public class QueueStats {

    /** The queue a waiting ticket is in: tickets served before it, agents with the skill on shift. */
    public record Staffing(int ahead, int agentsOnShift) {
        public static final Staffing NONE = new Staffing(0, 0);
    }

    private final ReactiveMongoTemplate mongo;

    QueueStats(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** Unassigned open tickets of the skill the queue serves before one of {@code priorityRank}. */
    Mono<Integer> ahead(String skill, int priorityRank) {
        return mongo.count(Query.query(Criteria.where("open").is(true).and("assignee").is(null).and("skill").is(skill)
                        .and("priorityRank").lte(priorityRank)), Ticket.class)
                .map(Math::toIntExact);
    }

    /** The staffing of the queue a ticket of this skill and priority waits in. */
    public Mono<Staffing> staffing(String skill, int priorityRank) {
        return Mono.zip(ahead(skill, priorityRank), agentsOnShift(skill), Staffing::new);
    }

    Mono<Integer> agentsOnShift(String skill) {
        return mongo.count(Query.query(Criteria.where("skills").is(skill).and("status").ne(AgentStatus.OFFLINE)),
                        Agent.class)
                .map(Math::toIntExact);
    }
}
