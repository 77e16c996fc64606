package io.sori.survey.campaign;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A relationship survey (CSI): every customer whose ticket closed in {@code [closedFrom, closedTo)}
 * (optionally on one channel or in one category) gets one survey, on the channel of their latest
 * such ticket. RUNNING until every customer has theirs; a crashed run is resumed by whichever
 * instance finds its lease run out, and re-issuing is harmless (once per customer per campaign).
 */
@Document(Campaign.COLLECTION)
public record Campaign(@Id String id, String name, Instant closedFrom, Instant closedTo, String channel,
        String category, String createdBy, Instant createdAt, Status status, Instant leaseUntil, long customers,
        long issued, Instant finishedAt) {

    public static final String COLLECTION = "campaigns";

    public enum Status {
        RUNNING,
        DONE
    }
}
