package io.sori.channel.conversation;

import io.sori.channel.ChannelMetrics;
import io.sori.channel.ChannelSettings;
import io.sori.channel.bot.CustomerSignals;
import io.sori.events.channel.Channel;
import io.sori.events.channel.InteractionRecorded;
import io.sori.channel.web.IdempotencyKeys;
import io.sori.platform.outbox.OutboxRelay;
import io.sori.platform.web.ProblemException;
import io.sori.platform.web.RequestIds;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Predicate;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

/**
 * Records what customers say and what the bank answers, and tells the rest of Sori: one
 * versioned write of the conversation per change, carrying its events.
 *
 * <p>Threading: an explicit conversation id (the customer's own, open), else a conversation
 * that holds one of the contact's thread keys (email Message-IDs, call ids, idempotency keys),
 * else the customer's open conversation on the same channel within the channel's inactivity
 * window, else a new conversation.
 */
@Service
public class ConversationService {

    private final ConversationRepository conversations;
    private final ReactiveMongoTemplate mongo;
    private final ChannelSettings settings;
    private final ChannelMetrics metrics;
    private final Clock clock;
    private final ObjectProvider<OutboxRelay> relay;

    public ConversationService(ConversationRepository conversations, ReactiveMongoTemplate mongo,
            ChannelSettings settings, ChannelMetrics metrics, Clock clock, ObjectProvider<OutboxRelay> relay) {
        this.conversations = conversations;
        this.mongo = mongo;
        this.settings = settings;
        this.metrics = metrics;
        this.clock = clock;
        this.relay = relay;
    }

    /**
     * Records one contact: finds or opens its conversation, asks {@code decide} what happens (a person,
     * or the bot's answer), appends the message and the answer, and records the interaction event, all
     * in one write. A contact recorded before (same external id) changes nothing and answers the same.
     */
    public Mono<Recorded> receive(Inbound inbound, Function<Conversation, Mono<Decision>> decide) {
        return RequestIds.correlationId().defaultIfEmpty("")
                .flatMap(correlationId -> Mono.defer(() -> resolve(inbound)
                                .flatMap(conversation -> record(conversation, inbound, decide, correlationId)))
                        // two contacts of one conversation at once: the loser reloads and appends again
                        .retryWhen(Retry.backoff(5, Duration.ofMillis(20))
                                .filter(OptimisticLockingFailureException.class::isInstance)
                                .onRetryExhaustedThrow((spec, signal) -> signal.failure())))
                .doOnSuccess(recorded -> {
                    if (recorded != null && !recorded.duplicate()) {
                        metrics.interaction(inbound.channel(), inbound.kind());
                        wakeRelay(recorded.conversationId());
                    }
                });
    }

    private Mono<Conversation> resolve(Inbound inbound) {
        Instant now = clock.instant();
        Mono<Conversation> fresh = Mono.fromSupplier(() -> new Conversation(UUID.randomUUID().toString(),
                inbound.customerId(), inbound.channel(), now));
        Mono<Conversation> byKeys = inbound.lookupKeys().isEmpty() ? Mono.empty()
                : mongo.find(Query.query(Criteria.where("threadKeys").in(inbound.lookupKeys())
                                .and("customerId").is(inbound.customerId()).and("channel").is(inbound.channel()))
                        .with(Sort.by(Sort.Order.desc("updatedAt"))).limit(1), Conversation.class).next();
        // a replayed request (same Idempotency-Key) is the contact it replays, whatever it says now, on any channel
        String key = inbound.externalId();
        Mono<Conversation> byIdempotencyKey = key == null || !key.startsWith(IdempotencyKeys.PREFIX) ? Mono.empty()
                : mongo.find(Query.query(Criteria.where("threadKeys").is(key)
                                .and("customerId").is(inbound.customerId())).limit(1), Conversation.class).next();
        Duration window = settings.windowOf(inbound.channel());
        Mono<Conversation> byWindow = window == null ? Mono.empty()
                : mongo.find(Query.query(Criteria.where("customerId").is(inbound.customerId())
                                .and("channel").is(inbound.channel()).and("status").is(Conversation.OPEN)
                                .and("updatedAt").gte(now.minus(window)))
                        .with(Sort.by(Sort.Order.desc("updatedAt"))).limit(1), Conversation.class).next();
        if (inbound.conversationId() != null) {
            // another customer's conversation is reported as missing, never as someone else's
            return conversations.findById(inbound.conversationId())
                    .filter(c -> c.customerId().equals(inbound.customerId()) && c.channel() == inbound.channel())
                    .switchIfEmpty(Mono.error(() -> ProblemException.notFound("conversation", inbound.conversationId())))
                    // a closed conversation is not written into again: the customer starts a new one
                    .flatMap(c -> c.isOpen() || c.messageWithExternalId(inbound.externalId()).isPresent()
                            ? Mono.just(c) : byKeys.switchIfEmpty(fresh));
        }
        return byIdempotencyKey.switchIfEmpty(byKeys).switchIfEmpty(byWindow).switchIfEmpty(fresh);
    }

    private Mono<Recorded> record(Conversation conversation, Inbound inbound,
            Function<Conversation, Mono<Decision>> decide, String correlationId) {
        var earlier = conversation.messageWithExternalId(inbound.externalId());
        if (earlier.isPresent()) {
            Message before = earlier.get();
            return Mono.just(new Recorded(conversation.id(), before.id(), conversation.replyTo(before.id()).orElse(null),
                    conversation.bot().handedOff() || !isBotChannel(conversation.channel()), true));
        }
        return decide.apply(conversation).flatMap(decision -> {
            Instant now = clock.instant();
            String interactionId = UUID.randomUUID().toString();
            String eventText = decision.needsHuman() && conversation.handoffReason() == null
                    ? withBotSettledContext(conversation, inbound.text()) : inbound.text();
            Message message = new Message(interactionId, Message.CUSTOMER, inbound.kind(), inbound.text(), now,
                    inbound.subject(), inbound.attachments(), inbound.externalId(), null);
            conversation.add(message);
            conversation.addThreadKeys(inbound.ownKeys());
            conversation.subject(inbound.subject());
            conversation.contactAddress(inbound.contactAddress());
            // once the customer proved who they are in this conversation, a later contact does not undo it
            conversation.identityVerified(conversation.identityVerified() || inbound.identityVerified());
            String hint = decision.categoryHint() != null ? decision.categoryHint() : inbound.categoryHint();
            if (decision.bot() != null) {
                conversation.bot(decision.bot());
            }
            if (decision.needsHuman()) {
                conversation.handOff(decision.handoffReason(), hint);
            }
            Message reply = decision.reply();
            if (reply != null) {
                reply = new Message(UUID.randomUUID().toString(), reply.from(), reply.kind(), reply.text(),
                        now.plusMillis(1), null, List.of(), null, reply.articleId());
                conversation.add(reply);
            }
            InteractionRecorded event = new InteractionRecorded(interactionId, conversation.id(),
                    inbound.customerId(), inbound.channel(), inbound.kind(), inbound.identityVerified(),
                    inbound.subject(), eventText, hint, inbound.deadlineAt(), decision.needsHuman(),
                    decision.needsHuman() ? decision.handoffReason() : null, inbound.formalComplaint(),
                    inbound.attachments(), now, inbound.vulnerableCustomer(), CustomerSignals.upset(inbound.text()));
            conversation.record(event, correlationId, now);
            Message answer = reply;
            return conversations.save(conversation)
                    .thenReturn(new Recorded(conversation.id(), interactionId, answer, decision.needsHuman(), false));
        });
    }

    /** How much of what the bot settled travels with a handoff. */
    static final int CONTEXT_MESSAGES = 10;
    static final int CONTEXT_CHARS = 4000;

    /**
     * The text of the first interaction that needs a person in a conversation: what the customer said
     * before (to the bot, published as needing no one) and then this, one message a line, so the person
     * and ticket-service's classifier see the whole matter (a deadline named three messages earlier
     * still counts).
     */
    static String withBotSettledContext(Conversation conversation, String text) {
        List<String> earlier = conversation.messages().stream().filter(Message::fromCustomer).map(Message::text)
                .toList();
        if (earlier.isEmpty()) {
            return text;
        }
        List<String> recent = earlier.subList(Math.max(0, earlier.size() - CONTEXT_MESSAGES), earlier.size());
        String context = String.join("\n", recent);
        if (context.length() > CONTEXT_CHARS) {
            context = context.substring(context.length() - CONTEXT_CHARS);
        }
        return context + "\n" + text;
    }

    /** Chat and talk: the bot answers first there. */
    public static boolean isBotChannel(Channel channel) {
        return channel == Channel.CHAT || channel == Channel.TALK;
    }

    /**
     * Applies a change to a conversation with a versioned write, re-reading on a conflict. The change
     * returns false when there is nothing to do (e.g. the message is already there); empty when the
     * conversation does not exist.
     */
    public Mono<Conversation> update(String conversationId, Predicate<Conversation> change) {
        return Mono.defer(() -> conversations.findById(conversationId)
                        .flatMap(c -> change.test(c) ? conversations.save(c) : Mono.just(c)))
                .retryWhen(Retry.backoff(5, Duration.ofMillis(20))
                        .filter(OptimisticLockingFailureException.class::isInstance)
                        .onRetryExhaustedThrow((spec, signal) -> signal.failure()))
                .doOnSuccess(c -> wakeRelay(conversationId));
    }

    /** Appends what the bank sent, once: a message whose id is already there is not added again. */
    public Mono<Conversation> appendOutbound(String conversationId, Message message) {
        return update(conversationId, c -> {
            if (c.message(message.id()).isPresent()) {
                return false;
            }
            c.add(message);
            return true;
        });
    }

    /** Saves a conversation the service opens itself (a callback task, say). */
    public Mono<Conversation> insert(Conversation conversation) {
        return conversations.save(conversation).doOnSuccess(c -> wakeRelay(conversation.id()));
    }

    public Mono<Conversation> find(String conversationId) {
        return conversations.findById(conversationId);
    }

    /** The customer's open conversations on the given channels. */
    public Flux<Conversation> openConversations(String customerId, Collection<Channel> channels) {
        return mongo.find(Query.query(Criteria.where("customerId").is(customerId)
                .and("channel").in(new ArrayList<>(channels)).and("status").is(Conversation.OPEN)), Conversation.class);
    }

    /** The customer's most recently active conversation on a channel, if any. */
    public Mono<Conversation> latest(String customerId, Channel channel) {
        return mongo.find(Query.query(Criteria.where("customerId").is(customerId).and("channel").is(channel))
                .with(Sort.by(Sort.Order.desc("updatedAt"))).limit(1), Conversation.class).next();
    }

    /** The customer's conversations, most recently active first. */
    public Flux<Conversation> ofCustomer(String customerId, int limit) {
        return mongo.find(Query.query(Criteria.where("customerId").is(customerId))
                .with(Sort.by(Sort.Order.desc("updatedAt"))).limit(limit), Conversation.class);
    }

    private void wakeRelay(String conversationId) {
        relay.ifAvailable(r -> r.wakeUp(Conversation.COLLECTION, conversationId));
    }
}
