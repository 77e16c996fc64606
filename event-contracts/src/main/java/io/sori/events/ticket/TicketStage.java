package io.sori.events.ticket;

/** The published complaint process: four stages, then closed; waiting-on-customer pauses it. */
public enum TicketStage {
    RECEIVED,
    IN_REVIEW,
    SOLUTION_PROPOSED,
    RESOLVED,
    CLOSED,
    WAITING_ON_CUSTOMER
}
