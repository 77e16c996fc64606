package io.sori.ticket.ticket;

import java.time.Instant;
import java.util.Map;

/** One line of a ticket's audit history: who did what, when, with which details. */
public record HistoryEntry(Instant at, String actor, String action, Map<String, String> details) {

    public HistoryEntry {
        details = details == null ? Map.of() : Map.copyOf(details);
    }
}
