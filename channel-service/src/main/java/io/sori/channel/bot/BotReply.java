package io.sori.channel.bot;

import java.util.Objects;

/**
 * The chatbot's answer to one customer message.
 *
 * @param from          "BOT" for the bot's own answers, "SYSTEM" for handoff notices
 * @param text          what the customer reads (plain text, Korean)
 * @param articleId     the FAQ article the answer came from, or null
 * @param handoff       the conversation belongs to a person now: route this message to the human queue
 * @param handoffReason why this turn handed off (ASKED, UNANSWERED, URGENT, COMPLAINT, UPSET, BOT_UNAVAILABLE);
 *                      null when the bot answered, and null on the turns after a handoff
 * @param categoryHint  the ticket category the message clearly names (CARD_LOSS, FRAUD, ...), or null
 * @param next          the state to keep for the next turn
 */
public record BotReply(String from, String text, String articleId, boolean handoff, String handoffReason,
        String categoryHint, BotState next) {

    public static final String BOT = "BOT";
    public static final String SYSTEM = "SYSTEM";

    public BotReply {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(next, "next");
    }
}
