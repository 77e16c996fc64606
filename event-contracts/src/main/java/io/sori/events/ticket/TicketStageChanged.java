package io.sori.events.ticket;

import io.sori.events.channel.Channel;
import java.time.Instant;

/** The ticket moved in the complaint process; the customer is told with the expected time. */
public record TicketStageChanged(
        String ticketId,
        String number,
        String customerId,
        Channel channel,
        TicketStage from,
        TicketStage to,
        String reason,
        String actor,
        Instant expectedResolutionAt) implements TicketEvent {
}
