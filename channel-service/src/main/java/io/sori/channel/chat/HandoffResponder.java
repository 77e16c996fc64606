package io.sori.channel.chat;

import io.sori.events.channel.Channel;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** Without a chatbot, every chat and talk message goes to a person (reason CHANNEL). */
@Component
class HandoffResponder implements ChatResponder {

    @Override
    public Mono<Reply> reply(State state, Channel channel, String redactedText) {
        return Mono.just(new Reply("SYSTEM", "상담사에게 연결해 드릴게요. 잠시만 기다려 주세요.", null, true, "CHANNEL",
                null, new State(state.unansweredTurns(), true)));
    }
}
