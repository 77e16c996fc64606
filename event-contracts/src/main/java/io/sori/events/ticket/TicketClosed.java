package io.sori.events.ticket;

import java.time.Instant;

public record TicketClosed(String ticketId, String customerId, Instant closedAt) implements TicketEvent {
}
