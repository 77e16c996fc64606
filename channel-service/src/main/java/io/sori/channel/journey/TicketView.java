package io.sori.channel.journey;

import io.sori.events.channel.Channel;
import io.sori.events.ticket.TicketStage;
import java.time.Instant;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * channel-service's own view of a ticket, from {@code sori.tickets.v1}: enough for the
 * customer's journey and for the texts sent to the customer (number, stage, expected time).
 */
@Document(TicketView.COLLECTION)
@CompoundIndex(name = "customer_recent", def = "{'customerId': 1, 'updatedAt': -1}")
public record TicketView(@Id String ticketId, String number, String customerId, Channel channel, String category,
        TicketStage stage, @Indexed List<String> conversationIds, Boolean formalComplaint,
        Instant expectedResolutionAt, Instant regulatoryDueAt, Instant createdAt, Instant updatedAt) {

    public static final String COLLECTION = "ticket_views";

    public TicketView {
        conversationIds = conversationIds == null ? List.of() : List.copyOf(conversationIds);
    }
}
