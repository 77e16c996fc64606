package io.sori.events.blocklist;

/** Re-entry refused until {@code state.until}; the emergency path stays open. */
public record CustomerBlocked(String customerId, String blockId, String reportId, String reason, int level,
        BlockState state) implements BlocklistEvent {
}
