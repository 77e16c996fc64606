package io.sori.events.channel;

import java.time.Instant;
import java.util.UUID;

/**
 * The outcome of delivering something to the customer on their channel.
 *
 * @param sourceEventId the event that asked for the delivery (a reply, a stage change, a survey)
 * @param status        DELIVERED or FAILED
 */
public record MessageDelivered(
        String deliveryId,
        String customerId,
        Channel channel,
        UUID sourceEventId,
        String status,
        String failureReason,
        Instant at) implements ChannelEvent {

    @Override
    public String aggregateId() {
        return customerId;
    }
}
