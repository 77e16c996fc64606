package io.sori.events.blocklist;

/** @param liftedBy the supervisor, or {@code system} when the block expired */
public record CustomerUnblocked(String customerId, String blockId, String reason, String liftedBy,
        BlockState state) implements BlocklistEvent {
}
