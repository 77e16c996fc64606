package io.sori.ticket.ticket;

import java.time.Instant;

/** Who changes a ticket, when, and the correlation id its events carry. */
public record Change(String actor, String correlationId, Instant at) {
}
