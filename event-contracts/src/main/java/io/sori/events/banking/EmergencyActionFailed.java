package io.sori.events.banking;

public record EmergencyActionFailed(
        String actionId,
        String ticketId,
        String customerId,
        EmergencyAction action,
        String reason) implements BankingEvent {

    @Override
    public String aggregateId() {
        return customerId;
    }
}
