package io.sori.ticket.ticket;

import io.sori.events.banking.EmergencyAction;
import java.time.Instant;

/**
 * An emergency action the ticket asked the core-banking system for.
 *
 * @param actionId {@code <ticketId>:<action>}: one request per ticket and action, also downstream
 * @param status   REQUESTED, COMPLETED or FAILED
 */
public record EmergencyActionRecord(String actionId, EmergencyAction action, String status, Instant requestedAt,
        Instant updatedAt, String bankReference, String failureReason) {

    public static final String REQUESTED = "REQUESTED";
    public static final String COMPLETED = "COMPLETED";
    public static final String FAILED = "FAILED";

    EmergencyActionRecord settle(String newStatus, Instant at, String reference, String reason) {
        return new EmergencyActionRecord(actionId, action, newStatus, requestedAt, at, reference, reason);
    }
}
