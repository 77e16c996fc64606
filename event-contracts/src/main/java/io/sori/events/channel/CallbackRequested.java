package io.sori.events.channel;

import java.time.Instant;

/** A customer asked to be called back within a preferred window. */
public record CallbackRequested(
        String callbackId,
        String customerId,
        String phoneNumberMasked,
        Instant preferredFrom,
        Instant preferredTo,
        String reason) implements ChannelEvent {

    @Override
    public String aggregateId() {
        return callbackId;
    }
}
