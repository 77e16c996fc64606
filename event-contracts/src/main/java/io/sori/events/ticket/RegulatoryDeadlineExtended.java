package io.sori.events.ticket;

import io.sori.events.channel.Channel;
import java.time.Instant;

/**
 * The one extension a formal complaint's regulatory clock allows; it requires telling the
 * customer why and until when ({@code customerNotice}).
 */
public record RegulatoryDeadlineExtended(
        String ticketId,
        String number,
        String customerId,
        Channel channel,
        Instant previousDueAt,
        Instant regulatoryDueAt,
        String customerNotice) implements TicketEvent {
}
