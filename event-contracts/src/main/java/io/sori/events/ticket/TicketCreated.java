package io.sori.events.ticket;

import io.sori.events.channel.Channel;
import java.time.Instant;
import java.util.List;

/** A ticket was opened, from a channel interaction or by an agent. */
public record TicketCreated(
        String ticketId,
        String number,
        String customerId,
        Channel channel,
        String category,
        Priority priority,
        String skill,
        String subject,
        List<String> conversationIds,
        boolean formalComplaint,
        Instant firstResponseDueAt,
        Instant resolutionDueAt,
        Instant regulatoryDueAt,
        Instant expectedResolutionAt) implements TicketEvent {

    public TicketCreated {
        conversationIds = conversationIds == null ? List.of() : List.copyOf(conversationIds);
    }
}
