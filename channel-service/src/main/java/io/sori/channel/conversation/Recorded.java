package io.sori.channel.conversation;

/**
 * A recorded contact.
 *
 * @param reply     the answer the customer got at once, if any
 * @param duplicate true when the same contact had been recorded before: nothing new happened
 */
public record Recorded(String conversationId, String interactionId, Message reply, boolean needsHuman,
        boolean duplicate) {
}
