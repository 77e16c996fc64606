package io.sori.channel.delivery;

import io.sori.channel.ChannelMetrics;
import io.sori.channel.contact.ContactBook;
import io.sori.channel.conversation.CallbackTask;
import io.sori.channel.conversation.Conversation;
import io.sori.channel.conversation.ConversationService;
import io.sori.channel.conversation.Message;
import io.sori.platform.redaction.PiiRedactor;
import io.sori.events.channel.CallbackRequested;
import io.sori.events.channel.Channel;
import io.sori.events.channel.MessageDelivered;
import io.sori.platform.outbox.OutboxMessage;
import io.sori.platform.outbox.OutboxRelay;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Outbound delivery on the customer's own channel, exactly once per (event, recipient channel):
 * <ul>
 * <li>chat, talk, 1:1 inquiry, in-app complaint: the message is appended to the conversation and pushed
 * ({@link PushSender});</li>
 * <li>email: sent over SMTP ({@link MailSender}) as a reply in the customer's thread, or pushed to the app
 * when no address is known;</li>
 * <li>phone: a text message ({@link SmsSender}) when the customer's number is known, else a callback task.</li>
 * </ul>
 * A delivery is inserted under a deterministic id before anything is sent, claimed with a lease for
 * each try, retried with doubling backoff, and FAILED after the last try; each outcome publishes
 * {@code MessageDelivered} from the delivery's own outbox. (A crash between a send and its outcome
 * being written means that one try is made again when the lease runs out.)
 */
@Component
public class Deliveries {

    private static final Logger log = LoggerFactory.getLogger(Deliveries.class);

    public static final String PUSH = "PUSH";
    public static final String EMAIL = "EMAIL";
    public static final String SMS = "SMS";
    public static final String CALLBACK = "CALLBACK";

    private final ReactiveMongoTemplate mongo;
    private final ConversationService conversations;
    private final ContactBook contacts;
    private final PushSender push;
    private final MailSender mail;
    private final SmsSender sms;
    private final DeliverySettings settings;
    private final ChannelMetrics metrics;
    private final PiiRedactor redactor;
    private final Clock clock;
    private final ObjectProvider<OutboxRelay> relay;

    Deliveries(ReactiveMongoTemplate mongo, ConversationService conversations, ContactBook contacts, PushSender push,
            MailSender mail, SmsSender sms, DeliverySettings settings, ChannelMetrics metrics, PiiRedactor redactor,
            Clock clock, ObjectProvider<OutboxRelay> relay) {
        this.mongo = mongo;
        this.conversations = conversations;
        this.contacts = contacts;
        this.push = push;
        this.mail = mail;
        this.sms = sms;
        this.settings = settings;
        this.metrics = metrics;
        this.redactor = redactor;
        this.clock = clock;
        this.relay = relay;
    }

    /**
     * Something to tell a customer because of an event.
     *
     * @param channel        the customer's channel (the ticket's), null for the app
     * @param conversationId the conversation the message belongs to, if known
     */
    public record Plan(String sourceEventId, String sourceType, String customerId, Channel channel,
            String conversationId, String ticketId, String correlationId, CustomerTexts.Text text) {
    }

    private record Route(String recipient, String conversationId) {
    }

    /** Records the delivery (once) and makes the first try. */
    public Mono<Void> deliver(Plan plan) {
        return route(plan).flatMap(route -> {
            Instant now = clock.instant();
            CustomerTexts.Text text = plan.text();
            // agents' replies are written by people: masked like everything else that is stored
            Delivery delivery = new Delivery(Delivery.idOf(plan.sourceEventId(), route.recipient()),
                    plan.sourceEventId(), plan.sourceType(), plan.customerId(), plan.channel(), route.recipient(),
                    route.conversationId(), plan.ticketId(), plan.correlationId(), text.kind(), redactor.redact(text.title()),
                    redactor.redact(text.body()), "PENDING", 0, now, null, null, now, null, List.of());
            return mongo.insert(delivery)
                    .thenReturn(true)
                    .onErrorResume(DuplicateKeyException.class, known -> {
                        log.debug("delivery {} exists: event {} was delivered before", delivery.id(),
                                plan.sourceEventId());
                        return Mono.just(false);
                    })
                    .flatMap(inserted -> attempt(delivery.id()));
        });
    }

    private Mono<Route> route(Plan plan) {
        Mono<Conversation> known = plan.conversationId() != null ? conversations.find(plan.conversationId())
                : plan.channel() != null ? conversations.latest(plan.customerId(), plan.channel()) : Mono.empty();
        Channel channel = plan.channel();
        if (channel == Channel.EMAIL) {
            return known.map(c -> c.contactAddress() != null ? new Route(EMAIL, c.id()) : new Route(PUSH, c.id()))
                    .defaultIfEmpty(new Route(PUSH, null));
        }
        if (channel == Channel.PHONE) {
            return known.map(Conversation::id).map(java.util.Optional::of).defaultIfEmpty(java.util.Optional.empty())
                    .flatMap(conversationId -> contacts.phoneOf(plan.customerId())
                            .map(number -> new Route(SMS, conversationId.orElse(null)))
                            .defaultIfEmpty(new Route(CALLBACK, conversationId.orElse(null))));
        }
        return known.map(c -> new Route(PUSH, c.id())).defaultIfEmpty(new Route(PUSH, null));
    }

    /** One try, if the delivery is due and nobody else holds it. */
    public Mono<Void> attempt(String deliveryId) {
        Instant now = clock.instant();
        Query due = Query.query(new Criteria().andOperator(
                Criteria.where("_id").is(deliveryId),
                Criteria.where("status").in("PENDING", "RETRYING", "SENDING"),
                Criteria.where("nextAttemptAt").lte(Date.from(now)),
                new Criteria().orOperator(Criteria.where("leaseUntil").exists(false),
                        Criteria.where("leaseUntil").is(null), Criteria.where("leaseUntil").lt(Date.from(now)))));
        Update claim = new Update().set("status", "SENDING").set("leaseUntil", Date.from(now.plus(settings.lease())))
                .inc("attempts", 1);
        return mongo.findAndModify(due, claim, FindAndModifyOptions.options().returnNew(true), Delivery.class)
                .flatMap(claimed -> send(claimed)
                        .then(Mono.defer(() -> delivered(claimed)))
                        .onErrorResume(error -> failed(claimed, error)));
    }

    /** Every due try (retries, and deliveries a crashed instance left behind); returns how many were tried. */
    public Mono<Long> retryDue() {
        Instant now = clock.instant();
        Query due = Query.query(new Criteria().andOperator(
                Criteria.where("status").in("PENDING", "RETRYING", "SENDING"),
                Criteria.where("nextAttemptAt").lte(Date.from(now)),
                new Criteria().orOperator(Criteria.where("leaseUntil").exists(false),
                        Criteria.where("leaseUntil").is(null), Criteria.where("leaseUntil").lt(Date.from(now)))))
                .limit(100);
        due.fields().include("_id");
        return mongo.find(due, org.bson.Document.class, Delivery.COLLECTION)
                .concatMap(doc -> attempt(doc.getString("_id")).thenReturn(1L))
                .reduce(0L, Long::sum);
    }

    private Mono<Void> send(Delivery d) {
        return switch (d.recipient()) {
            case EMAIL -> sendEmail(d);
            case SMS -> sendSms(d);
            case CALLBACK -> openCallback(d);
            default -> sendPush(d);
        };
    }

    private Message messageOf(Delivery d) {
        String from = "REPLY".equals(d.kind()) ? Message.AGENT : Message.SYSTEM;
        return new Message(d.id(), from, d.kind(), d.text(), clock.instant(), d.title(), List.of(), null, null);
    }

    private Mono<Void> appendToConversation(Delivery d) {
        return d.conversationId() == null ? Mono.empty()
                : conversations.appendOutbound(d.conversationId(), messageOf(d)).then();
    }

    private Mono<Void> sendPush(Delivery d) {
        return appendToConversation(d).then(push.push(new PushSender.Push(d.id(), d.customerId(),
                d.channel() == null ? "APP" : d.channel().name(), d.conversationId(), d.title(), d.text())));
    }

    private Mono<Void> sendSms(Delivery d) {
        return contacts.phoneOf(d.customerId())
                .switchIfEmpty(Mono.error(() -> new IllegalStateException("no phone number for the customer")))
                .flatMap(number -> sms.send(new SmsSender.Sms(d.id(), number, d.title() + "\n" + d.text())))
                .then(appendToConversation(d));
    }

    private Mono<Void> sendEmail(Delivery d) {
        return conversations.find(d.conversationId())
                .filter(c -> c.contactAddress() != null)
                .switchIfEmpty(Mono.error(() -> new IllegalStateException("no email address for the conversation")))
                .flatMap(c -> {
                    String messageId = "<" + d.sourceEventId() + ".email@outbound.sori>";
                    List<String> references = new ArrayList<>();
                    for (String key : c.threadKeys()) {
                        if (key.startsWith("email:")) {
                            references.add(key.substring("email:".length()));
                        }
                    }
                    String inReplyTo = c.lastEmailMessageId().orElse(null);
                    String subject = c.subject() == null ? d.title()
                            : (c.subject().startsWith("Re:") ? c.subject() : "Re: " + c.subject());
                    if (!"REPLY".equals(d.kind())) {
                        subject = d.title();
                    }
                    String body = d.text() + "\n\n-- \n소리뱅크 고객센터\n이 메일에 회신하시면 같은 문의로 접수됩니다.";
                    return mail.send(new MailSender.Mail(messageId, c.contactAddress(), subject, body, inReplyTo,
                                    references))
                            .then(conversations.update(c.id(), conversation -> {
                                boolean changed = conversation.message(d.id()).isEmpty();
                                if (changed) {
                                    conversation.add(messageOf(d));
                                }
                                if (!conversation.threadKeys().contains("email:" + messageId)) {
                                    // the customer's answer to this mail threads back here
                                    conversation.addThreadKeys(List.of("email:" + messageId));
                                    changed = true;
                                }
                                return changed;
                            }))
                            .then();
                });
    }

    /** A phone customer with no number for text messages: someone calls them. */
    private Mono<Void> openCallback(Delivery d) {
        Instant now = clock.instant();
        String callbackId = "cb-" + d.sourceEventId();
        Conversation task = new Conversation(callbackId, d.customerId(), Channel.PHONE, now);
        Instant due = now.plus(settings.noticeCallbackDue());
        String reason = "안내 전화: " + d.title() + " — " + d.text();
        task.callback(new CallbackTask(callbackId, "NOTICE", null, now, due, due, reason, "OPEN", false, List.of()));
        task.add(new Message(d.id(), Message.SYSTEM, "CALLBACK", reason, now, d.title(), List.of(), null, null));
        task.record(new CallbackRequested(callbackId, d.customerId(), null, now, due, reason), d.correlationId(), now);
        return conversations.insert(task).then()
                .onErrorResume(DuplicateKeyException.class, alreadyOpened -> Mono.empty());
    }

    private Mono<Void> delivered(Delivery d) {
        Instant now = clock.instant();
        MessageDelivered event = new MessageDelivered(d.id(), d.customerId(), channelOf(d),
                UUID.fromString(d.sourceEventId()), "DELIVERED", null, now);
        Update done = new Update().set("status", "DELIVERED").set("deliveredAt", Date.from(now)).unset("leaseUntil")
                .unset("lastError").push("outbox", OutboxMessage.of(event, d.correlationId(), now));
        return mongo.updateFirst(Query.query(Criteria.where("_id").is(d.id()).and("status").is("SENDING")), done,
                        Delivery.class)
                .doOnNext(result -> {
                    if (result.getModifiedCount() == 1) {
                        metrics.delivery(d.recipient(), "delivered");
                        relay.ifAvailable(r -> r.wakeUp(Delivery.COLLECTION, d.id()));
                    }
                })
                .then();
    }

    private Mono<Void> failed(Delivery d, Throwable error) {
        Instant now = clock.instant();
        String reason = error.getClass().getSimpleName() + (error.getMessage() == null ? ""
                : ": " + redactor.redact(error.getMessage()));
        reason = reason.length() > 300 ? reason.substring(0, 300) : reason;
        Query mine = Query.query(Criteria.where("_id").is(d.id()).and("status").is("SENDING"));
        if (d.attempts() < settings.maxAttempts()) {
            log.warn("delivery {} ({}) try {} of {} failed, retrying: {}", d.id(), d.recipient(), d.attempts(),
                    settings.maxAttempts(), reason);
            Update retry = new Update().set("status", "RETRYING").unset("leaseUntil").set("lastError", reason)
                    .set("nextAttemptAt", Date.from(now.plus(settings.backoffAfter(d.attempts()))));
            return mongo.updateFirst(mine, retry, Delivery.class)
                    .doOnNext(r -> metrics.delivery(d.recipient(), "retried")).then();
        }
        log.error("delivery {} ({}) FAILED after {} tries: {}", d.id(), d.recipient(), d.attempts(), reason);
        MessageDelivered event = new MessageDelivered(d.id(), d.customerId(), channelOf(d),
                UUID.fromString(d.sourceEventId()), "FAILED", reason, now);
        Update failed = new Update().set("status", "FAILED").unset("leaseUntil").set("lastError", reason)
                .push("outbox", OutboxMessage.of(event, d.correlationId(), now));
        return mongo.updateFirst(mine, failed, Delivery.class)
                .doOnNext(result -> {
                    if (result.getModifiedCount() == 1) {
                        metrics.delivery(d.recipient(), "failed");
                        relay.ifAvailable(r -> r.wakeUp(Delivery.COLLECTION, d.id()));
                    }
                })
                .then();
    }

    private static Channel channelOf(Delivery d) {
        if (d.channel() != null) {
            return d.channel();
        }
        return switch (d.recipient()) {
            case EMAIL -> Channel.EMAIL;
            case SMS, CALLBACK -> Channel.PHONE;
            default -> Channel.CHAT;
        };
    }

    /** The deliveries of one event, for tests and operators. */
    public Flux<Delivery> ofEvent(String eventId) {
        return mongo.find(Query.query(Criteria.where("sourceEventId").is(eventId)), Delivery.class);
    }
}
