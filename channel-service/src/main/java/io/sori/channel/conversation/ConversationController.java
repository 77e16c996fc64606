package io.sori.channel.conversation;

import io.sori.platform.web.ProblemException;
import java.time.Instant;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

@RestController
@RequestMapping("/api/channels/conversations")
class ConversationController {

    private final ConversationRepository conversations;

    ConversationController(ConversationRepository conversations) {
        this.conversations = conversations;
    }

    record ConversationView(String id, String customerId, String channel, List<Message> messages, Instant createdAt,
            Instant updatedAt) {
    }

    @GetMapping("/{conversationId}")
    Mono<ConversationView> get(@PathVariable String conversationId) {
        return conversations.findById(conversationId)
                .switchIfEmpty(Mono.error(() -> ProblemException.notFound("conversation", conversationId)))
                .map(c -> new ConversationView(c.id(), c.customerId(), c.channel().name(), c.messages(),
                        c.createdAt(), c.updatedAt()));
    }
}
