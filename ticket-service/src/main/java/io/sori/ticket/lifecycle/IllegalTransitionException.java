package io.sori.ticket.lifecycle;

import io.sori.events.ticket.TicketStage;
import java.util.Set;

/** A step that is not part of the complaint process; the API answers 409 naming the allowed steps. */
public class IllegalTransitionException extends RuntimeException {

    private final TicketStage from;
    private final TicketStage to;
    private final Set<TicketStage> allowed;

    public IllegalTransitionException(TicketStage from, TicketStage to, Set<TicketStage> allowed) {
        super("a ticket in " + from + " cannot move to " + to + "; allowed: " + allowed);
        this.from = from;
        this.to = to;
        this.allowed = Set.copyOf(allowed);
    }

    public TicketStage from() { return from; }
    public TicketStage to() { return to; }
    public Set<TicketStage> allowed() { return allowed; }
}
