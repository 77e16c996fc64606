package io.sori.channel.chat;

import io.sori.events.channel.Channel;
import reactor.core.publisher.Mono;

/**
 * Who answers a chat or talk message first. The chatbot plugs in here: one implementation,
 * marked {@code @Primary}, replaces the default that hands every message to a person.
 */
public interface ChatResponder {

    /** What the responder remembers of the conversation between turns. */
    record State(int unansweredTurns, boolean handedOff) {

        public static State fresh() {
            return new State(0, false);
        }
    }

    /**
     * @param from          BOT or SYSTEM
     * @param handoffReason ASKED, UNANSWERED, URGENT, UPSET, BOT_UNAVAILABLE or CHANNEL when {@code handoff}
     * @param categoryHint  what the responder understood the matter to be, may be null
     */
    record Reply(String from, String text, String articleId, boolean handoff, String handoffReason,
            String categoryHint, State next) {
    }

    /** @param redactedText the customer's text with personal numbers already masked */
    Mono<Reply> reply(State state, Channel channel, String redactedText);
}
