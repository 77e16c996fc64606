package io.sori.events.ticket;

import io.sori.events.banking.EmergencyAction;
import io.sori.events.channel.Channel;

/**
 * An emergency action of the ticket was requested, completed or failed; {@code customerNotice}
 * is what the customer is told on their channel.
 *
 * @param status REQUESTED, COMPLETED or FAILED
 */
public record TicketEmergencyActionUpdated(
        String ticketId,
        String number,
        String customerId,
        Channel channel,
        String actionId,
        EmergencyAction action,
        String status,
        String bankReference,
        String customerNotice) implements TicketEvent {
}
