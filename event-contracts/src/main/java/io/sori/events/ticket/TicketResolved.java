package io.sori.events.ticket;

import io.sori.events.channel.Channel;
import java.time.Instant;

/** Solved; survey-service issues the survey from this. */
public record TicketResolved(
        String ticketId,
        String number,
        String customerId,
        Channel channel,
        String category,
        String assignee,
        Instant resolvedAt) implements TicketEvent {
}
