package io.sori.channel.delivery;

import reactor.core.publisher.Mono;

/**
 * Pushes a message to the customer's app or messenger (the outside world: the bank's push
 * gateway). The message is already in the conversation when this is called; the push only
 * tells the customer's device.
 */
public interface PushSender {

    /**
     * @param channel CHAT, TALK, INQUIRY or COMPLAINT: where in the app the message shows
     */
    record Push(String pushId, String customerId, String channel, String conversationId, String title, String text) {
    }

    Mono<Void> push(Push push);
}
