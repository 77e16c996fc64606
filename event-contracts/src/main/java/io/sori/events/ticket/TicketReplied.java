package io.sori.events.ticket;

import io.sori.events.channel.Channel;

/** An agent answered the customer; channel-service delivers it on the customer's channel. */
public record TicketReplied(
        String ticketId,
        String customerId,
        String replyId,
        Channel channel,
        String conversationId,
        String text,
        String agent) implements TicketEvent {
}
