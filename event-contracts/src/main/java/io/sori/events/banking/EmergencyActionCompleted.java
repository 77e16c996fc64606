package io.sori.events.banking;

import java.time.Instant;

public record EmergencyActionCompleted(
        String actionId,
        String ticketId,
        String customerId,
        EmergencyAction action,
        String bankReference,
        Instant completedAt) implements BankingEvent {

    @Override
    public String aggregateId() {
        return customerId;
    }
}
