package io.sori.ticket.quality;

/**
 * What a low survey score does to the ticket it rates. Every low score flags the ticket for a
 * quality review (a supervisor listens back, coaches, fixes the article); whether the ticket also
 * reopens is this policy: when the customer said it was not resolved, or the overall score is at or
 * below {@code reopenAtMost}. Only a ticket still RESOLVED reopens; a closed one stays closed (its
 * reopen window has passed) and keeps the flag.
 *
 * @param reopenWhenUnresolved reopen when the customer answered "not resolved"
 * @param reopenAtMost         reopen when the overall score (1–5) is at most this; 0 never reopens on the score
 */
public record LowSatisfactionPolicy(boolean reopenWhenUnresolved, int reopenAtMost) {

    public LowSatisfactionPolicy {
        if (reopenAtMost < 0 || reopenAtMost > 5) {
            throw new IllegalArgumentException("reopen-at-most is a score from 0 (never) to 5");
        }
    }

    public boolean reopens(int overall, Boolean resolved) {
        return (reopenWhenUnresolved && Boolean.FALSE.equals(resolved)) || (overall >= 1 && overall <= reopenAtMost);
    }
}
