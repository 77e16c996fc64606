package io.sori.channel.conversation;

import io.sori.events.channel.Channel;
import io.sori.events.channel.InteractionRecorded;
import io.sori.platform.outbox.OutboxMessage;
import io.sori.platform.outbox.OutboxRelay;
import io.sori.platform.web.ProblemException;
import io.sori.platform.web.RequestIds;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

/** Records what customers say and tells the rest of Sori, in one write per message. */
@Service
public class ConversationService {

    private final ConversationRepository conversations;
    private final Clock clock;
    private final ObjectProvider<OutboxRelay> relay;

    public ConversationService(ConversationRepository conversations, Clock clock, ObjectProvider<OutboxRelay> relay) {
        this.conversations = conversations;
        this.clock = clock;
        this.relay = relay;
    }

    /** What a customer said, to be recorded in a conversation (a new one when no id is given). */
    public record Inbound(String customerId, String conversationId, Channel channel, String text,
            boolean identityVerified, boolean needsHuman, String handoffReason) {
    }

    public record Recorded(String conversationId, String interactionId) {
    }

    public Mono<Recorded> recordInbound(Inbound inbound) {
        return RequestIds.correlationId().defaultIfEmpty("")
                .flatMap(correlationId -> load(inbound)
                        .flatMap(conversation -> append(conversation, inbound, correlationId)))
                // two messages of one conversation at once: the loser reloads and appends again
                .retryWhen(Retry.backoff(3, Duration.ofMillis(20)).filter(OptimisticLockingFailureException.class::isInstance))
                .doOnSuccess(recorded -> relay.ifAvailable(OutboxRelay::wakeUp));
    }

    private Mono<Conversation> load(Inbound inbound) {
        if (inbound.conversationId() == null) {
            return Mono.just(new Conversation(UUID.randomUUID().toString(), inbound.customerId(), inbound.channel(),
                    clock.instant()));
        }
        // another customer's conversation is reported as missing, never as someone else's
        return conversations.findById(inbound.conversationId())
                .filter(c -> c.customerId().equals(inbound.customerId()) && c.channel() == inbound.channel())
                .switchIfEmpty(Mono.error(() -> ProblemException.notFound("conversation", inbound.conversationId())));
    }

    private Mono<Recorded> append(Conversation conversation, Inbound inbound, String correlationId) {
        Instant now = clock.instant();
        String interactionId = UUID.randomUUID().toString();
        InteractionRecorded event = new InteractionRecorded(interactionId, conversation.id(), inbound.customerId(),
                inbound.channel(), "MESSAGE", inbound.identityVerified(), null, inbound.text(), null, null,
                inbound.needsHuman(), inbound.handoffReason(), false, List.of(), now, false);
        conversation.add(new Message(interactionId, "CUSTOMER", inbound.text(), now),
                OutboxMessage.of(event, correlationId.isEmpty() ? null : correlationId, now));
        return conversations.save(conversation).thenReturn(new Recorded(conversation.id(), interactionId));
    }
}
