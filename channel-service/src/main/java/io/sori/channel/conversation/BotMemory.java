package io.sori.channel.conversation;

/**
 * What the chatbot remembers of a conversation between turns: how many questions in a row it
 * could not answer, and whether it already handed the customer to a person.
 */
public record BotMemory(int unansweredTurns, boolean handedOff) {

    public static BotMemory fresh() {
        return new BotMemory(0, false);
    }
}
