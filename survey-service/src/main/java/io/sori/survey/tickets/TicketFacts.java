package io.sori.survey.tickets;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * What survey-service keeps of a ticket from {@code sori.tickets.v1}: whose it is, where it came
 * from, who worked it in which team (the queue, which TicketResolved does not carry), and when it
 * was resolved and closed (what campaigns select customers by). Written by idempotent upserts.
 */
@Document(TicketFacts.COLLECTION)
@CompoundIndex(name = "closed", def = "{'closedAt': 1, 'customerId': 1}")
public record TicketFacts(@Id String ticketId, String customerId, String channel, String category, String team,
        String agent, Instant resolvedAt, Instant closedAt) {

    public static final String COLLECTION = "ticket_facts";
}
