package io.sori.channel.journey;

import io.sori.events.channel.Attachment;
import io.sori.channel.conversation.Conversation;
import io.sori.channel.conversation.ConversationService;
import io.sori.channel.conversation.Message;
import io.sori.channel.web.Ids;
import io.sori.platform.security.Actor;
import io.sori.platform.web.ProblemException;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * {@code GET /api/channels/tickets/{ticketId}/conversation}: everything said about one ticket, across
 * every channel it was raised or answered on, as one time-ordered thread (the agent's ticket view).
 * The ticket's conversations are the ones ticket-service has told this service about.
 */
@RestController
class TicketConversationController {

    /** More conversations than this on one ticket is no conversation a person reads. */
    private static final int MAX_CONVERSATIONS = 50;

    private final ConversationService conversations;
    private final TicketViews tickets;

    TicketConversationController(ConversationService conversations, TicketViews tickets) {
        this.conversations = conversations;
        this.tickets = tickets;
    }

    record ConversationSummary(String id, String channel, String status, String closedReason, String subject,
            boolean identityVerified, Instant createdAt, Instant updatedAt) {
    }

    /** A message with the conversation and channel it belongs to. */
    record ThreadMessage(String conversationId, String channel, String id, String from, String kind, String text,
            Instant at, String subject, List<Attachment> attachments, String articleId) {
    }

    record TicketConversation(String ticketId, String customerId, List<ConversationSummary> conversations,
            List<ThreadMessage> messages) {
    }

    @GetMapping("/api/channels/tickets/{ticketId}/conversation")
    Mono<TicketConversation> conversation(Actor actor, @PathVariable String ticketId) {
        if (actor.isAnonymous()) {
            return Mono.error(Actor.unauthenticated());
        }
        Ids.require("ticketId", ticketId);
        return tickets.find(ticketId)
                // someone else's ticket does not exist, as far as the caller can tell
                .filter(t -> actor.maySee(t.customerId()))
                .switchIfEmpty(Mono.error(() -> ProblemException.notFound("ticket", ticketId)))
                .flatMap(t -> Flux.fromIterable(t.conversationIds()).take(MAX_CONVERSATIONS)
                        .concatMap(conversations::find)
                        .filter(c -> t.customerId() == null || t.customerId().equals(c.customerId()))
                        .collectList()
                        .map(found -> thread(t, found)));
    }

    static TicketConversation thread(TicketView ticket, List<Conversation> found) {
        List<ConversationSummary> summaries = found.stream()
                .sorted(Comparator.comparing(Conversation::createdAt, Comparator.nullsLast(Comparator.naturalOrder())))
                .map(c -> new ConversationSummary(c.id(), c.channel().name(), c.status(), c.closedReason(),
                        c.subject(), c.identityVerified(), c.createdAt(), c.updatedAt()))
                .toList();
        List<ThreadMessage> messages = found.stream()
                .flatMap(c -> c.messages().stream().map(m -> message(c, m)))
                .sorted(Comparator.comparing(ThreadMessage::at, Comparator.nullsLast(Comparator.naturalOrder())))
                .toList();
        return new TicketConversation(ticket.ticketId(), ticket.customerId(), summaries, messages);
    }

    private static ThreadMessage message(Conversation c, Message m) {
        return new ThreadMessage(c.id(), c.channel().name(), m.id(), m.from(), m.kind(), m.text(), m.at(),
                m.subject(), m.attachments(), m.articleId());
    }
}
