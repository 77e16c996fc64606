package io.sori.kb.suggestion;

import io.sori.platform.outbox.OutboxMessage;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * The KMS articles suggested for one ticket, computed once when the ticket was created. Keyed by
 * the ticket id, so a redelivered TicketCreated finds the document there and changes nothing.
 */
@Document(TicketSuggestions.COLLECTION)
public class TicketSuggestions {

    public static final String COLLECTION = "ticket_suggestions";

    @Id
    private String ticketId;
    private String ticketNumber;
    private String query;
    private List<Suggested> suggestions = new ArrayList<>();
    private List<OutboxMessage> outbox = new ArrayList<>();
    private Instant computedAt;

    /** One suggested article. */
    public record Suggested(String articleId, int version, String title, String category, double score) {
    }

    protected TicketSuggestions() {
    }

    public TicketSuggestions(String ticketId, String ticketNumber, String query, List<Suggested> suggestions,
            OutboxMessage event, Instant computedAt) {
        this.ticketId = ticketId;
        this.ticketNumber = ticketNumber;
        this.query = query;
        this.suggestions = new ArrayList<>(suggestions);
        this.outbox.add(event);
        this.computedAt = computedAt;
    }

    public String ticketId() { return ticketId; }
    public String ticketNumber() { return ticketNumber; }
    public String query() { return query; }
    public List<Suggested> suggestions() { return List.copyOf(suggestions); }
    public Instant computedAt() { return computedAt; }
}
