package io.sori.ticket.ticket;

import java.time.Instant;

/** An internal note: agents and supervisors read it, the customer never does. */
public record Note(String id, Instant at, String author, String text) {
}
