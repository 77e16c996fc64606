package io.sori.corebanking.simulation;

import java.time.Instant;

/**
 * A freeze of the customer's account (지급정지) or a stop of the customer's card (카드 사용정지),
 * in effect since {@code since}.
 *
 * @param reference the bank's reference, e.g. {@code FRZ-20261124-000123}
 * @param actionId  the action that put it in place
 */
public record Restriction(String reference, String actionId, String ticketId, String reason, Instant since) {
}
