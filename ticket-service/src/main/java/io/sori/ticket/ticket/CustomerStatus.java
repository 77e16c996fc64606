package io.sori.ticket.ticket;

import io.sori.ticket.lifecycle.Lifecycle;
import java.time.Instant;
import java.util.List;

/**
 * What the customer sees of their ticket: where it is in the published process, when the bank
 * expects to resolve it and what was done in an emergency. No notes, no agent, no internal data.
 */
public record CustomerStatus(String ticketId, String number, String stage, int stageIndex, int stageCount,
        String stageLabel, Instant expectedResolutionAt, String expectedResolutionNotice, Instant regulatoryDueAt,
        List<Emergency> emergencyActions, Instant createdAt, Instant updatedAt) {

    public record Emergency(String type, String status) {
    }

    public static CustomerStatus of(Ticket t) {
        Lifecycle.PublishedStage published = Lifecycle.published(t.stage(), t.pausedStage());
        return new CustomerStatus(t.id(), t.number(), t.stage().name(), published.index(), 4, published.label(),
                t.expectedResolutionAt(), t.expectedResolutionNotice(), t.regulatoryDueAt(),
                t.emergencyActions().stream().map(a -> new Emergency(a.action().name(), a.status())).toList(),
                t.createdAt(), t.updatedAt());
    }
}
