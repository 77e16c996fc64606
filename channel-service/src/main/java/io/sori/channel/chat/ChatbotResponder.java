package io.sori.channel.chat;

import io.sori.channel.bot.BotState;
import io.sori.channel.bot.service.ChatbotService;
import io.sori.events.channel.Channel;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** The chatbot answers chat and talk first; its handoffs make the conversation work for a person. */
@Component
class ChatbotResponder implements ChatResponder {

    private final ChatbotService chatbot;

    ChatbotResponder(ChatbotService chatbot) {
        this.chatbot = chatbot;
    }

    @Override
    public Mono<Reply> reply(State state, Channel channel, String redactedText) {
        BotState current = state == null ? BotState.fresh() : new BotState(state.unansweredTurns(), state.handedOff());
        return chatbot.reply(current, channel, redactedText)
                .map(bot -> new Reply(bot.from(), bot.text(), bot.articleId(), bot.handoff(), bot.handoffReason(),
                        bot.categoryHint(), new State(bot.next().unansweredTurns(), bot.next().handedOff())));
    }
}
