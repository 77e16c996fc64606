package io.sori.channel.conversation;

import io.sori.channel.web.Ids;
import io.sori.platform.security.Actor;
import io.sori.platform.web.ProblemException;
import java.time.Instant;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** A conversation, both directions, in order: for staff, and for the customer it belongs to. */
@RestController
@RequestMapping("/api/channels/conversations")
class ConversationController {

    private final ConversationService conversations;

    ConversationController(ConversationService conversations) {
        this.conversations = conversations;
    }

    /** @param identityVerified any contact of the conversation passed the channel's identification */
    record ConversationView(String id, String customerId, String channel, String status, String closedReason,
            String subject, boolean identityVerified, boolean handedOff, String handoffReason, String categoryHint, CallbackTask callback,
            List<Message> messages, Instant createdAt, Instant updatedAt) {
    }

    @GetMapping("/{conversationId}")
    Mono<ConversationView> get(Actor actor, @PathVariable String conversationId) {
        if (actor.isAnonymous()) {
            return Mono.error(Actor.unauthenticated());
        }
        Ids.require("conversationId", conversationId);
        return conversations.find(conversationId)
                // someone else's conversation does not exist, as far as the caller can tell
                .filter(c -> actor.maySee(c.customerId()))
                .switchIfEmpty(Mono.error(() -> ProblemException.notFound("conversation", conversationId)))
                .map(c -> new ConversationView(c.id(), c.customerId(), c.channel().name(), c.status(),
                        c.closedReason(), c.subject(), c.identityVerified(), c.bot().handedOff() || c.handoffReason() != null,
                        c.handoffReason(), c.categoryHint(), c.callback(), c.messages(), c.createdAt(),
                        c.updatedAt()));
    }
}
