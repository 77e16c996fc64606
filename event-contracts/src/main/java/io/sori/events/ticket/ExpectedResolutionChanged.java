package io.sori.events.ticket;

import io.sori.events.channel.Channel;
import java.time.Instant;

/** The honest expected-resolution time moved; the customer is told again. */
public record ExpectedResolutionChanged(
        String ticketId,
        String number,
        String customerId,
        Channel channel,
        Instant previous,
        Instant expectedResolutionAt,
        String reason) implements TicketEvent {
}
