package io.sori.channel.conversation;

/**
 * What happens with one contact: whether a person is needed (and why), the answer the customer
 * sees at once (a bot's or the system's), and what the bot remembers next.
 */
public record Decision(boolean needsHuman, String handoffReason, String categoryHint, Message reply,
        BotMemory bot) {

    /** Every email, call, inquiry and complaint goes to a person. */
    public static Decision person(String reason) {
        return new Decision(true, reason, null, null, null);
    }
}
