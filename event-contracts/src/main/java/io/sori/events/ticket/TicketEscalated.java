package io.sori.events.ticket;

/**
 * The ticket went to the supervisor queue (팀장): an agent asked for help, a clock ran out,
 * or an emergency action failed.
 */
public record TicketEscalated(
        String ticketId,
        String customerId,
        String reason,
        Priority priority,
        String actor) implements TicketEvent {
}
