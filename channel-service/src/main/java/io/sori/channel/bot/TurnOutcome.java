package io.sori.channel.bot;

/** How one turn ended, for the {@code sori.bot.turns} metric (tag {@code outcome}). */
public enum TurnOutcome {
    /** An FAQ answer, a greeting or thanks. */
    ANSWERED,
    /** A calculator's result or its question for a missing parameter. */
    CALCULATOR,
    /** The bot could not answer and did not hand off (yet). */
    UNANSWERED,
    /** The bot handed the conversation to a person this turn. */
    HANDOFF,
    /** The conversation was already with a person: the bot only said so. Not a bot turn. */
    WITH_AGENT;

    /** The metric's tag value. */
    public String tag() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
