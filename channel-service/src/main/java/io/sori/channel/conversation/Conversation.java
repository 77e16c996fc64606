package io.sori.channel.conversation;

import io.sori.events.channel.Channel;
import io.sori.platform.outbox.OutboxMessage;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * What one customer says on one channel, in order, with the events its changes caused
 * (the outbox travels in the same document, so both are written at once).
 */
@Document(Conversation.COLLECTION)
@CompoundIndex(name = "customer_recent", def = "{'customerId': 1, 'updatedAt': -1}")
public class Conversation {

    public static final String COLLECTION = "conversations";

    @Id
    private String id;
    private String customerId;
    private Channel channel;
    private List<Message> messages = new ArrayList<>();
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

    public void add(Message message, OutboxMessage event) {
        messages.add(message);
        if (event != null) {
            outbox.add(event);
        }
        updatedAt = message.at();
    }

    public String id() {
        return id;
    }

    public String customerId() {
        return customerId;
    }

    public Channel channel() {
        return channel;
    }

    public List<Message> messages() {
        return List.copyOf(messages);
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }
}
