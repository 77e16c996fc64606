package io.sori.channel.reentry;

import io.sori.events.EventEnvelope;
import io.sori.events.blocklist.BlockState;
import io.sori.events.blocklist.BlocklistEvent;
import java.time.Clock;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** The local view of who is blocked, kept from the compacted blocklist topic. */
@Component
public class BlockStates {

    private final ReactiveMongoTemplate mongo;
    private final Clock clock;

    BlockStates(ReactiveMongoTemplate mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
    }

    /**
     * Takes the state an event carries, unless a newer one is already known. Returns the view when it
     * changed, empty when the event was older than what is known.
     */
    Mono<BlockView> apply(EventEnvelope<? extends BlocklistEvent> envelope) {
        BlocklistEvent event = envelope.payload();
        BlockState state = event.state() == null ? BlockState.notBlocked() : event.state();
        BlockView next = new BlockView(event.customerId(), state.blocked(), state.blockId(), state.until(),
                state.reason(), envelope.occurredAt(), state.channels());
        return mongo.findById(event.customerId(), BlockView.class)
                .filter(known -> known.stateAt() != null && known.stateAt().isAfter(envelope.occurredAt()))
                .map(newer -> false)
                .defaultIfEmpty(true)
                .flatMap(apply -> apply ? mongo.save(next) : Mono.empty());
    }

    /** A tombstone: nothing is known about the customer any more, so nothing blocks them. */
    Mono<Void> forget(String customerId) {
        return mongo.remove(Query.query(Criteria.where("_id").is(customerId)), BlockView.class).then();
    }

    /** The customer's block if it is in force now. */
    public Mono<BlockView> activeBlock(String customerId) {
        return mongo.findById(customerId, BlockView.class).filter(b -> b.activeAt(clock.instant()));
    }

    /** The customer's block if it is in force now and covers the channel. */
    public Mono<BlockView> activeBlock(String customerId, io.sori.events.channel.Channel channel) {
        return activeBlock(customerId).filter(b -> b.covers(channel));
    }
}
