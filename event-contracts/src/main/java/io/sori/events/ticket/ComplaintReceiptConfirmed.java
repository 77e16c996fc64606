package io.sori.events.ticket;

import io.sori.events.channel.Channel;
import java.time.Instant;

/** The immediate receipt confirmation of a formal complaint, naming its handler. */
public record ComplaintReceiptConfirmed(
        String ticketId,
        String number,
        String customerId,
        Channel channel,
        String handlerName,
        String handlerContact,
        Instant expectedResolutionAt,
        Instant regulatoryDueAt) implements TicketEvent {
}
