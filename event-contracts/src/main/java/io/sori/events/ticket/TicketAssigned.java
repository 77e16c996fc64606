package io.sori.events.ticket;

/** The ticket went to an agent (routing or a supervisor). */
public record TicketAssigned(
        String ticketId,
        String customerId,
        String assignee,
        String previousAssignee,
        String skill,
        String actor) implements TicketEvent {
}
