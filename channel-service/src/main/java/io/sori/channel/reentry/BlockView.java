package io.sori.channel.reentry;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * channel-service's copy of one customer's block state, from the compacted
 * {@code sori.blocklist.v1}: the latest state per customer. Expiry is honoured by time when read.
 *
 * @param stateAt when the event that carried this state happened; an older event never overwrites it
 */
@Document(BlockView.COLLECTION)
public record BlockView(@Id String customerId, boolean blocked, String blockId, Instant until, String reason,
        Instant stateAt) {

    public static final String COLLECTION = "blocks";

    public boolean activeAt(Instant now) {
        return blocked && (until == null || until.isAfter(now));
    }
}
