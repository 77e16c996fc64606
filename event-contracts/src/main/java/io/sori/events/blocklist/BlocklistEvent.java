package io.sori.events.blocklist;

import io.sori.events.SoriEvent;

/**
 * A customer's events on the compacted {@code sori.blocklist.v1}, keyed by customer; each carries the
 * customer's whole block state. ({@link AgentRestGranted} shares the topic under {@code agent:} keys.)
 */
public sealed interface BlocklistEvent extends SoriEvent
        permits CustomerWarned, CustomerBlocked, CustomerUnblocked {

    String customerId();

    BlockState state();

    @Override
    default String aggregateId() {
        return customerId();
    }
}
