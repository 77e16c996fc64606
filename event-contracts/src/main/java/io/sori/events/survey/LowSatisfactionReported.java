package io.sori.events.survey;

import io.sori.events.channel.Channel;

/**
 * A low score that needs a follow-up: overall at or below the bank's threshold, or the customer
 * said the problem was not resolved. ticket-service flags the ticket for quality review and may
 * reopen it.
 *
 * @param resolved what the customer answered to "was it resolved?"; null when not asked (or from
 *                 an older producer). The fields after {@code comment} were added in a
 *                 backward-compatible way and may be null.
 */
public record LowSatisfactionReported(
        String surveyId,
        String ticketId,
        String customerId,
        int overall,
        String comment,
        Boolean resolved,
        String agent,
        Channel channel,
        String category) implements SurveyEvent {

    /** The first shape of this event, kept for producers and tests written against it. */
    public LowSatisfactionReported(String surveyId, String ticketId, String customerId, int overall, String comment) {
        this(surveyId, ticketId, customerId, overall, comment, null, null, null, null);
    }
}
