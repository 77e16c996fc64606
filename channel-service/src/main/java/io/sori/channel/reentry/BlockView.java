package io.sori.channel.reentry;

import io.sori.events.channel.Channel;
import java.time.Instant;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * channel-service's copy of one customer's block state, from the compacted
 * {@code sori.blocklist.v1}: the latest state per customer. Expiry is honoured by time when read.
 *
 * @param stateAt  when the event that carried this state happened; an older event never overwrites it
 * @param channels the channels the block covers; empty or absent (views kept before blocks had channels):
 *                 every channel
 */
@Document(BlockView.COLLECTION)
public record BlockView(@Id String customerId, boolean blocked, String blockId, Instant until, String reason,
        Instant stateAt, List<Channel> channels) {

    public static final String COLLECTION = "blocks";

    public boolean activeAt(Instant now) {
        return blocked && (until == null || until.isAfter(now));
    }

    public boolean covers(Channel channel) {
        return channels == null || channels.isEmpty() || channels.contains(channel);
    }
}
