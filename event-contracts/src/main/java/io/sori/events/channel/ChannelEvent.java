package io.sori.events.channel;

import io.sori.events.SoriEvent;

/** Events published by channel-service on {@code sori.channel.interactions.v1}. */
public sealed interface ChannelEvent extends SoriEvent
        permits InteractionRecorded, CallbackRequested, MessageDelivered {
}
