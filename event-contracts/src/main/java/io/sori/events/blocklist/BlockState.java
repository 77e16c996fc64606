package io.sori.events.blocklist;

import java.time.Instant;

/**
 * A customer's block state after the event. Every blocklist event carries it, so the
 * compacted topic's latest record per customer is always the whole truth.
 */
public record BlockState(boolean blocked, String blockId, Instant until, String reason) {

    public static BlockState notBlocked() {
        return new BlockState(false, null, null, null);
    }

    public boolean activeAt(Instant now) {
        return blocked && (until == null || until.isAfter(now));
    }
}
