package io.sori.ticket.routing;

import io.sori.events.EventEnvelope;
import io.sori.events.blocklist.AgentRestGranted;
import io.sori.platform.messaging.EventHandler;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * An agent who reported an abusive customer pauses (Occupational Safety and Health Act art. 41):
 * routing gives them no new work until the rest granted by blocklist-service ends. A later rest
 * extends an earlier one, never shortens it, so redelivery and reordering are harmless; the version
 * moves, so a routing claim on what was read before the rest fails and tries the next agent.
 */
@Component
class AgentRest implements EventHandler<AgentRestGranted> {

    private final ReactiveMongoTemplate mongo;

    AgentRest(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public Class<AgentRestGranted> eventType() {
        return AgentRestGranted.class;
    }

    @Override
    public Mono<Void> handle(EventEnvelope<AgentRestGranted> envelope) {
        AgentRestGranted rest = envelope.payload();
        if (rest.agentId() == null || rest.until() == null) {
            return Mono.empty();
        }
        Criteria later = new Criteria().orOperator(Criteria.where("restUntil").is(null),
                Criteria.where("restUntil").lt(rest.until()));
        return mongo.updateFirst(Query.query(Criteria.where("_id").is(rest.agentId()).andOperator(later)),
                new Update().set("restUntil", rest.until()).inc("version", 1), Agent.class).then();
    }
}
