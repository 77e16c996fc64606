package io.sori.events.ticket;

import java.time.Instant;

/**
 * A clock ran out.
 *
 * @param clock FIRST_RESPONSE, RESOLUTION or REGULATORY
 */
public record TicketSlaBreached(
        String ticketId,
        String customerId,
        String clock,
        Instant dueAt,
        Priority priorityAfter) implements TicketEvent {
}
