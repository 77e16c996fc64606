package io.sori.channel.bot;

/**
 * What the chatbot remembers of one conversation between turns; the caller keeps it with the
 * conversation and passes it back with the next message.
 *
 * @param unansweredTurns consecutive turns the bot could not answer (reset by an answer)
 * @param handedOff       a person has taken over: the bot stays silent from now on
 */
public record BotState(int unansweredTurns, boolean handedOff) {

    public BotState {
        if (unansweredTurns < 0) {
            throw new IllegalArgumentException("unansweredTurns must not be negative");
        }
    }

    /** A new conversation. */
    public static BotState fresh() {
        return new BotState(0, false);
    }

    BotState answered() {
        return new BotState(0, handedOff);
    }

    BotState unanswered() {
        return new BotState(unansweredTurns + 1, handedOff);
    }

    BotState handOff() {
        return new BotState(unansweredTurns, true);
    }
}
