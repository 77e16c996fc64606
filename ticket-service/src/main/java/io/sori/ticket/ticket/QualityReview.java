package io.sori.ticket.ticket;

import java.time.Instant;

/**
 * A low survey score on this ticket, waiting for a supervisor's quality review.
 *
 * @param resolved what the customer answered to "was it resolved?" (null when not asked)
 * @param comment  what they said was missing (personal numbers already masked)
 * @param reopened whether the low score reopened the ticket
 */
public record QualityReview(String surveyId, int overall, Boolean resolved, String comment, Instant flaggedAt,
        boolean reopened) {
}
