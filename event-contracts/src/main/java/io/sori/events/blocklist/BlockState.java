package io.sori.events.blocklist;

import io.sori.events.channel.Channel;
import java.time.Instant;
import java.util.List;

/**
 * A customer's block state after the event. Every blocklist event carries it, so the
 * compacted topic's latest record per customer is always the whole truth.
 *
 * @param until    when the block ends by itself; null while blocked means until lifted
 * @param channels the channels the block covers; empty (or absent, as in states written before
 *                 blocks had channels) means every channel
 */
public record BlockState(boolean blocked, String blockId, Instant until, String reason, List<Channel> channels) {

    public BlockState {
        // an unknown channel of a newer producer reads as null: it covers nothing here
        channels = channels == null ? List.of()
                : channels.stream().filter(java.util.Objects::nonNull).distinct().toList();
    }

    /** A block on every channel. */
    public BlockState(boolean blocked, String blockId, Instant until, String reason) {
        this(blocked, blockId, until, reason, List.of());
    }

    public static BlockState notBlocked() {
        return new BlockState(false, null, null, null, List.of());
    }

    public boolean activeAt(Instant now) {
        return blocked && (until == null || until.isAfter(now));
    }

    /** Whether the block, when active, refuses contacts on this channel. */
    public boolean covers(Channel channel) {
        return channels.isEmpty() || channels.contains(channel);
    }
}
