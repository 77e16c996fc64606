package io.sori.ticket.ticket;

import io.sori.events.channel.Channel;
import io.sori.events.ticket.Priority;
import io.sori.events.ticket.TicketStage;
import io.sori.platform.outbox.OutboxMessage;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.index.CompoundIndexes;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * Work for a person. Its outbox travels inside it, so a change and the events that tell
 * about it are one atomic write.
 */
@Document(Ticket.COLLECTION)
@CompoundIndexes({
        @CompoundIndex(name = "customer_queue", def = "{'customerId': 1, 'priorityRank': 1, 'resolutionDueAt': 1}"),
        @CompoundIndex(name = "queue", def = "{'stage': 1, 'priorityRank': 1, 'resolutionDueAt': 1}"),
        @CompoundIndex(name = "open_by_conversation", def = "{'conversationIds': 1, 'stage': 1}")})
public class Ticket {

    public static final String COLLECTION = "tickets";

    @Id
    private String id;
    @Indexed(unique = true)
    private String number;
    private String customerId;
    private Channel channel;
    private String category;
    private Priority priority;
    /** Priority as a number, so the queue sorts URGENT first. */
    private int priorityRank;
    private TicketStage stage;
    private String assignee;
    private String skill;
    private String subject;
    private String description;
    private Instant firstResponseDueAt;
    private Instant resolutionDueAt;
    private boolean slaBreached;
    private Instant expectedResolutionAt;
    private List<String> conversationIds = new ArrayList<>();
    /** Every interaction that opened or joined this ticket; unique across tickets, so a redelivery creates nothing. */
    @Indexed(unique = true, sparse = true)
    private List<String> interactionIds = new ArrayList<>();
    private List<OutboxMessage> outbox = new ArrayList<>();
    private Instant createdAt;
    private Instant updatedAt;
    @Version
    private Long version;

    protected Ticket() {
    }

    public Ticket(String id, String number, String customerId, Channel channel, String category, Priority priority,
            String skill, String subject, String description, Instant firstResponseDueAt, Instant resolutionDueAt,
            Instant now) {
        this.id = id;
        this.number = number;
        this.customerId = customerId;
        this.channel = channel;
        this.category = category;
        this.priority = priority;
        this.priorityRank = priority.ordinal();
        this.stage = TicketStage.RECEIVED;
        this.skill = skill;
        this.subject = subject;
        this.description = description;
        this.firstResponseDueAt = firstResponseDueAt;
        this.resolutionDueAt = resolutionDueAt;
        this.expectedResolutionAt = resolutionDueAt;
        this.createdAt = now;
        this.updatedAt = now;
    }

    public void linkInteraction(String conversationId, String interactionId) {
        if (conversationId != null && !conversationIds.contains(conversationId)) {
            conversationIds.add(conversationId);
        }
        if (interactionId != null && !interactionIds.contains(interactionId)) {
            interactionIds.add(interactionId);
        }
    }

    public void record(OutboxMessage event) {
        outbox.add(event);
    }

    public String id() { return id; }
    public String number() { return number; }
    public String customerId() { return customerId; }
    public Channel channel() { return channel; }
    public String category() { return category; }
    public Priority priority() { return priority; }
    public TicketStage stage() { return stage; }
    public String assignee() { return assignee; }
    public String skill() { return skill; }
    public String subject() { return subject; }
    public String description() { return description; }
    public Instant firstResponseDueAt() { return firstResponseDueAt; }
    public Instant resolutionDueAt() { return resolutionDueAt; }
    public boolean slaBreached() { return slaBreached; }
    public Instant expectedResolutionAt() { return expectedResolutionAt; }
    public List<String> conversationIds() { return List.copyOf(conversationIds); }
    public List<String> interactionIds() { return List.copyOf(interactionIds); }
    public Instant createdAt() { return createdAt; }
    public Instant updatedAt() { return updatedAt; }
    public Long version() { return version; }
}
