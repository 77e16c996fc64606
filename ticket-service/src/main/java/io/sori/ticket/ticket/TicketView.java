package io.sori.ticket.ticket;

import java.time.Instant;
import java.util.List;

/** A ticket as the API shows it (API.md, Tickets). */
public record TicketView(String id, String number, String customerId, String channel, String category,
        String priority, String stage, String assignee, String skill, String subject, String description, Sla sla,
        Instant expectedResolutionAt, List<Object> emergencyActions, List<String> conversationIds, Long version,
        Instant createdAt, Instant updatedAt) {

    public record Sla(Instant firstResponseDueAt, Instant resolutionDueAt, Instant regulatoryDueAt, boolean breached) {
    }

    public static TicketView of(Ticket t) {
        return new TicketView(t.id(), t.number(), t.customerId(), t.channel() == null ? null : t.channel().name(),
                t.category(), t.priority().name(), t.stage().name(), t.assignee(), t.skill(), t.subject(), t.description(),
                new Sla(t.firstResponseDueAt(), t.resolutionDueAt(), null, t.slaBreached()),
                t.expectedResolutionAt(), List.of(), t.conversationIds(), t.version(), t.createdAt(), t.updatedAt());
    }
}
