package io.sori.channel.bot;

import io.sori.channel.bot.calculator.ReferenceKind;

/** What the dialogue policy decided for one turn: a reply, or something to fetch first. */
public sealed interface Step {

    /** Reply now. */
    record Reply(BotReply reply, TurnOutcome outcome) implements Step {
    }

    /**
     * Ask the knowledge base {@code question}, then call {@link DialoguePolicy#afterKb}.
     *
     * @param categoryHint the category the text names, carried into the reply
     */
    record AskKb(String question, String categoryHint) implements Step {
    }

    /** A calculator needs reference data that is not loaded: load it, then decide again. */
    record LoadReference(ReferenceKind kind) implements Step {
    }
}
