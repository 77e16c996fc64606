package io.sori.channel.delivery;

import io.sori.events.channel.Channel;
import io.sori.platform.outbox.OutboxMessage;
import java.time.Instant;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One thing to tell one customer on one recipient channel, and how that went. The id is the
 * source event's id and the recipient ({@code <eventId>:EMAIL}), so a redelivered event finds its
 * delivery already there and nothing is sent twice. Contact addresses are not stored here: they are
 * looked up when sending. Written only with atomic updates (claim, outcome, outbox).
 *
 * @param recipient PUSH, EMAIL, SMS or CALLBACK
 * @param status    PENDING, SENDING, RETRYING, DELIVERED or FAILED
 */
@Document(Delivery.COLLECTION)
@CompoundIndex(name = "due", def = "{'status': 1, 'nextAttemptAt': 1}")
public record Delivery(@Id String id, String sourceEventId, String sourceType, String customerId, Channel channel,
        String recipient, String conversationId, String ticketId, String correlationId, String kind, String title, String text,
        String status, int attempts, Instant nextAttemptAt, Instant leaseUntil, String lastError, Instant createdAt,
        Instant deliveredAt, List<OutboxMessage> outbox) {

    public static final String COLLECTION = "deliveries";

    public Delivery {
        outbox = outbox == null ? List.of() : List.copyOf(outbox);
    }

    public static String idOf(String eventId, String recipient) {
        return eventId + ":" + recipient;
    }
}
