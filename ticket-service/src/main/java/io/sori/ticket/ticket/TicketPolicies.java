package io.sori.ticket.ticket;

import io.sori.events.ticket.Priority;
import io.sori.ticket.sla.BusinessCalendar;
import io.sori.ticket.sla.ResolutionEstimator.Estimate;
import java.time.Instant;
import java.util.Optional;

/** What a ticket asks of the bank's configured rules while it changes. */
public interface TicketPolicies {

    /** The team calendar a ticket's clocks run on, by the name stored on the ticket. */
    BusinessCalendar calendar(String name);

    /** The priority the ticket deserves now (never lower than it has: callers keep the higher). */
    Priority reassess(Ticket ticket, Instant now);

    /** The estimate the ticket deserves now; empty when these policies cannot tell (no staffing known). */
    default Optional<Estimate> estimate(Ticket ticket, Instant now) {
        return Optional.empty();
    }
}
