package io.sori.events.ticket;

/**
 * @param reason CUSTOMER_WROTE_AGAIN or LOW_SATISFACTION, or an agent's reason
 */
public record TicketReopened(String ticketId, String customerId, String reason, Priority priority)
        implements TicketEvent {
}
