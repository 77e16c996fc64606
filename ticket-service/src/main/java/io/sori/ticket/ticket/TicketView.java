package io.sori.ticket.ticket;

import io.sori.ticket.lifecycle.Lifecycle;
import java.time.Instant;
import java.util.List;

/**
 * A ticket as the API shows it to the bank's staff (API.md, Tickets). {@code allowedTransitions}: the
 * stages {@code POST /transitions} accepts from the current one, in process order.
 */
public record TicketView(String id, String number, String customerId, String channel, String category,
        String priority, String stage, String assignee, String skill, String subject, String description,
        Sla sla, Instant expectedResolutionAt, String expectedResolutionNotice, Instant deadlineAt,
        List<String> urgencySignals, boolean vulnerableCustomer, boolean identityVerified,
        boolean upsetRepeatContact, boolean formalComplaint, boolean escalated,
        int reopenCount, List<EmergencyActionView> emergencyActions, List<String> conversationIds, Long version,
        Instant createdAt, Instant updatedAt, QualityReview qualityReview, List<String> allowedTransitions) {

    public record Sla(Instant firstResponseDueAt, Instant resolutionDueAt, Instant regulatoryDueAt, boolean breached,
            List<String> breaches, Instant firstRespondedAt, Instant resolvedAt, String calendar) {
    }

    public record EmergencyActionView(String type, String status, String actionId, String bankReference,
            String failureReason, Instant requestedAt, Instant updatedAt) {
    }

    public static TicketView of(Ticket t) {
        return new TicketView(t.id(), t.number(), t.customerId(), t.channel() == null ? null : t.channel().name(),
                t.category(), t.priority().name(), t.stage().name(), t.assignee(), t.skill(), t.subject(),
                t.description(),
                new Sla(t.firstResponseDueAt(), t.resolutionDueAt(), t.regulatoryDueAt(), t.slaBreached(),
                        t.breaches(), t.firstRespondedAt(), t.resolvedAt(), t.calendar()),
                t.expectedResolutionAt(), t.expectedResolutionNotice(), t.deadlineAt(), t.urgencySignals(),
                t.vulnerableCustomer(), t.identityVerified(), t.upsetRepeatContact(), t.formalComplaint(), t.escalated(), t.reopenCount(),
                t.emergencyActions().stream().map(a -> new EmergencyActionView(a.action().name(), a.status(),
                        a.actionId(), a.bankReference(), a.failureReason(), a.requestedAt(), a.updatedAt())).toList(),
                t.conversationIds(), t.version(), t.createdAt(), t.updatedAt(), t.qualityReview(),
                Lifecycle.allowedFrom(t.stage()).stream().map(Enum::name).toList());
    }
}
