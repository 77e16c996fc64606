package io.sori.survey;

import io.sori.events.EventEnvelope;
import io.sori.events.channel.Channel;
import io.sori.events.ticket.TicketClosed;
import io.sori.events.ticket.TicketCreated;
import io.sori.events.ticket.TicketResolved;
import io.sori.events.ticket.Priority;
import io.sori.testsupport.TopicProbe;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Ticket events as ticket-service publishes them, for the survey-service tests. */
public final class SurveyEvents {

    private SurveyEvents() {
    }

    public static String newId(String prefix) {
        return prefix + "-" + UUID.randomUUID();
    }

    /** A ticket opened in a team (skill) and resolved by an agent: TicketCreated then TicketResolved. */
    public static EventEnvelope<TicketResolved> resolveTicket(String ticketId, String customerId, Channel channel,
            String category, String team, String agent) {
        TopicProbe.send(EventEnvelope.of(new TicketCreated(ticketId, "SR-" + ticketId.substring(0, 8), customerId,
                channel, category, Priority.NORMAL, team, "상담 문의", List.of(), false, null, null, null, null),
                newId("corr"), Instant.now()));
        EventEnvelope<TicketResolved> resolved = EventEnvelope.of(new TicketResolved(ticketId,
                "SR-" + ticketId.substring(0, 8), customerId, channel, category, agent, Instant.now()),
                newId("corr"), Instant.now());
        TopicProbe.send(resolved);
        return resolved;
    }

    public static void closeTicket(String ticketId, String customerId, Channel channel, String category,
            Instant closedAt) {
        TopicProbe.send(EventEnvelope.of(new TicketCreated(ticketId, "SR-" + ticketId.substring(0, 8), customerId,
                channel, category, Priority.NORMAL, category, "상담 문의", List.of(), false, null, null, null, null),
                newId("corr"), Instant.now()));
        TopicProbe.send(EventEnvelope.of(new TicketClosed(ticketId, customerId, closedAt), newId("corr"),
                Instant.now()));
    }
}
