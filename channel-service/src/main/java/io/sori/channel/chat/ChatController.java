package io.sori.channel.chat;

import io.sori.channel.conversation.ConversationService;
import io.sori.events.channel.Channel;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * In-app chat and messenger talk: one contract, two channels. Until the chatbot arrives
 * every message is handed to a person.
 */
@RestController
@RequestMapping("/api/channels")
class ChatController {

    static final String ID_PATTERN = "[A-Za-z0-9][A-Za-z0-9_.:-]{0,63}";

    private final ConversationService conversations;

    ChatController(ConversationService conversations) {
        this.conversations = conversations;
    }

    record ChatMessage(
            @NotBlank @Pattern(regexp = ID_PATTERN, message = "must be a customer id") String customerId,
            @Pattern(regexp = ID_PATTERN, message = "must be a conversation id") String conversationId,
            @NotBlank @Size(max = 2000) String text,
            Boolean identityVerified) {
    }

    record Reply(String from, String text, String articleId, boolean handoff) {
    }

    record ChatAnswer(String conversationId, String interactionId, Reply reply, String ticketId) {
    }

    @PostMapping("/chat/messages")
    Mono<ChatAnswer> chat(@Valid @RequestBody ChatMessage message) {
        return receive(message, Channel.CHAT);
    }

    @PostMapping("/talk/messages")
    Mono<ChatAnswer> talk(@Valid @RequestBody ChatMessage message) {
        return receive(message, Channel.TALK);
    }

    private Mono<ChatAnswer> receive(ChatMessage message, Channel channel) {
        var inbound = new ConversationService.Inbound(message.customerId(), message.conversationId(), channel,
                message.text().strip(), Boolean.TRUE.equals(message.identityVerified()), true, "CHANNEL");
        return conversations.recordInbound(inbound).map(recorded -> new ChatAnswer(recorded.conversationId(),
                recorded.interactionId(),
                new Reply("SYSTEM", "상담사에게 연결해 드릴게요. 잠시만 기다려 주세요.", null, true), null));
    }
}
