package io.sori.corebanking.simulation;

import io.sori.events.banking.BankingEvent;
import io.sori.events.banking.EmergencyAction;
import io.sori.events.banking.EmergencyActionCompleted;
import io.sori.events.banking.EmergencyActionFailed;
import java.time.Instant;
import java.util.Objects;

/**
 * One emergency action as the bank answered it. A repeated request with the same
 * {@code actionId} gets exactly this answer again.
 *
 * @param action          {@code null} when the request named an action this core does not know
 * @param bankReference   the reference of the restriction in effect, when completed
 * @param alreadyInEffect completed because the account was already frozen (or the card already stopped)
 * @param failureReason   why it failed, when failed
 * @param requests        how many times this action was requested (1 plus the repeats)
 */
public record ActionRecord(String actionId, String ticketId, String customerId, EmergencyAction action,
        String requestReason, Outcome outcome, String bankReference, boolean alreadyInEffect, String failureReason,
        Instant answeredAt, int requests, Instant lastRequestedAt) {

    public enum Outcome { COMPLETED, FAILED }

    static ActionRecord completed(Request request, String bankReference, boolean alreadyInEffect, Instant now) {
        return new ActionRecord(request.actionId(), request.ticketId(), request.customerId(), request.action(),
                request.reason(), Outcome.COMPLETED, bankReference, alreadyInEffect, null, now, 1, now);
    }

    static ActionRecord failed(Request request, String reason, Instant now) {
        return new ActionRecord(request.actionId(), request.ticketId(), request.customerId(), request.action(),
                request.reason(), Outcome.FAILED, null, false, reason, now, 1, now);
    }

    /** The same action asked for once more: counted, the answer unchanged. */
    ActionRecord requestedAgain(Instant now) {
        return new ActionRecord(actionId, ticketId, customerId, action, requestReason, outcome, bankReference,
                alreadyInEffect, failureReason, answeredAt, requests + 1, now);
    }

    /** Whether a repeated request asks for the same thing as the one recorded under its actionId. */
    public boolean sameRequestAs(Request request) {
        return Objects.equals(customerId, request.customerId()) && action == request.action();
    }

    /** The event that tells the requester this answer; the same for every repeat. */
    public BankingEvent answer() {
        return outcome == Outcome.COMPLETED
                ? new EmergencyActionCompleted(actionId, ticketId, customerId, action, bankReference, answeredAt)
                : new EmergencyActionFailed(actionId, ticketId, customerId, action, failureReason);
    }
}
