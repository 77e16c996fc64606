package io.sori.events.blocklist;

import io.sori.events.SoriEvent;

/** Events on the compacted {@code sori.blocklist.v1}, keyed by customer. */
public sealed interface BlocklistEvent extends SoriEvent
        permits CustomerWarned, CustomerBlocked, CustomerUnblocked {

    String customerId();

    BlockState state();

    @Override
    default String aggregateId() {
        return customerId();
    }
}
