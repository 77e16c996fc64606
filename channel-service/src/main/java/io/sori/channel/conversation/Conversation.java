package io.sori.channel.conversation;

import io.sori.events.SoriEvent;
import io.sori.events.channel.Channel;
import io.sori.platform.outbox.OutboxMessage;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * What one customer says on one channel, in order and in both directions, with the events its
 * changes caused (the outbox travels in the same document, so both are written at once).
 */
@Document(Conversation.COLLECTION)
@CompoundIndex(name = "customer_recent", def = "{'customerId': 1, 'updatedAt': -1}")
@CompoundIndex(name = "customer_channel_open", def = "{'customerId': 1, 'channel': 1, 'status': 1, 'updatedAt': -1}")
@CompoundIndex(name = "idle", def = "{'status': 1, 'channel': 1, 'updatedAt': 1}")
public class Conversation {

    public static final String COLLECTION = "conversations";
    public static final String OPEN = "OPEN";
    public static final String CLOSED = "CLOSED";

    @Id
    private String id;
    private String customerId;
    private Channel channel;
    private String status = OPEN;
    private String closedReason;
    private Instant closedAt;
    private String subject;
    /** Where the customer wrote from (an email address) and so where answers go; never published. */
    private String contactAddress;
    private boolean identityVerified;
    private BotMemory bot = BotMemory.fresh();
    private String handoffReason;
    private String categoryHint;
    @Indexed
    private List<String> threadKeys = new ArrayList<>();
    private List<Message> messages = new ArrayList<>();
    private CallbackTask callback;
    private List<OutboxMessage> outbox = new ArrayList<>();
    private Instant createdAt;
    private Instant updatedAt;
    @Version
    private Long version;

    protected Conversation() {
    }

    public Conversation(String id, String customerId, Channel channel, Instant now) {
        this.id = id;
        this.customerId = customerId;
        this.channel = channel;
        this.createdAt = now;
        this.updatedAt = now;
    }

    public void add(Message message) {
        messages.add(message);
        if (updatedAt == null || message.at().isAfter(updatedAt)) {
            updatedAt = message.at();
        }
    }

    public void record(SoriEvent event, String correlationId, Instant now) {
        outbox.add(OutboxMessage.of(event, correlationId == null || correlationId.isEmpty() ? null : correlationId,
                now));
    }

    public void addThreadKeys(List<String> keys) {
        for (String key : keys) {
            if (key != null && !threadKeys.contains(key)) {
                threadKeys.add(key);
            }
        }
    }

    public Optional<Message> message(String messageId) {
        return messages.stream().filter(m -> m.id().equals(messageId)).findFirst();
    }

    public Optional<Message> messageWithExternalId(String externalId) {
        return externalId == null ? Optional.empty()
                : messages.stream().filter(m -> externalId.equals(m.externalId())).findFirst();
    }

    /** The bot's or system's answer that followed a customer message, if any. */
    public Optional<Message> replyTo(String messageId) {
        boolean after = false;
        for (Message m : messages) {
            if (after) {
                return m.fromCustomer() ? Optional.empty() : Optional.of(m);
            }
            after = m.id().equals(messageId);
        }
        return Optional.empty();
    }

    public void handOff(String reason, String hint) {
        this.handoffReason = reason;
        if (hint != null) {
            this.categoryHint = hint;
        }
    }

    public void close(String reason, Instant at) {
        status = CLOSED;
        closedReason = reason;
        closedAt = at;
    }

    public boolean isOpen() {
        return OPEN.equals(status);
    }

    /** The last email Message-ID of the thread (what an answer replies to), if any. */
    public Optional<String> lastEmailMessageId() {
        for (int i = messages.size() - 1; i >= 0; i--) {
            Message m = messages.get(i);
            if (m.fromCustomer() && m.externalId() != null && m.externalId().startsWith("<")) {
                return Optional.of(m.externalId());
            }
        }
        return Optional.empty();
    }

    public String id() { return id; }
    public String customerId() { return customerId; }
    public Channel channel() { return channel; }
    public String status() { return status; }
    public String closedReason() { return closedReason; }
    public Instant closedAt() { return closedAt; }
    public String subject() { return subject; }
    public void subject(String subject) { if (this.subject == null) { this.subject = subject; } }
    public String contactAddress() { return contactAddress; }
    public void contactAddress(String address) { if (address != null) { this.contactAddress = address; } }
    public boolean identityVerified() { return identityVerified; }
    public void identityVerified(boolean verified) { this.identityVerified = verified; }
    public BotMemory bot() { return bot == null ? BotMemory.fresh() : bot; }
    public void bot(BotMemory memory) { this.bot = memory; }
    public String handoffReason() { return handoffReason; }
    public String categoryHint() { return categoryHint; }
    public List<String> threadKeys() { return List.copyOf(threadKeys); }
    public List<Message> messages() { return List.copyOf(messages); }
    public CallbackTask callback() { return callback; }
    public void callback(CallbackTask task) { this.callback = task; }
    public Instant createdAt() { return createdAt; }
    public Instant updatedAt() { return updatedAt; }
    public Long version() { return version; }
}
