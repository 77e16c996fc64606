package io.sori.events.banking;

/** Freeze an account or stop a card now; {@code actionId} makes the request idempotent downstream. */
public record EmergencyActionRequested(
        String actionId,
        String ticketId,
        String customerId,
        EmergencyAction action,
        String reason) implements BankingCommand {

    @Override
    public String aggregateId() {
        return customerId;
    }
}
