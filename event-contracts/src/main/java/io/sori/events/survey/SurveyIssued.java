package io.sori.events.survey;

import io.sori.events.channel.Channel;
import java.time.Instant;

/**
 * A survey link for a finished consultation (or a relationship-survey campaign); channel-service
 * delivers the invitation on {@code channel}, the link being its survey page followed by {@code token}.
 *
 * @param ticketId   the consultation surveyed; null for a campaign's relationship survey
 * @param agent      who handled the ticket, if anyone (added in a backward-compatible way: may be null)
 * @param category   the ticket's category name (see {@link io.sori.events.Category}); may be null
 * @param campaignId the relationship-survey campaign that sent it; null for a consultation survey
 */
public record SurveyIssued(
        String surveyId,
        String token,
        String ticketId,
        String customerId,
        Channel channel,
        Instant expiresAt,
        String agent,
        String category,
        String campaignId) implements SurveyEvent {

    /** The first shape of this event, kept for producers and tests written against it. */
    public SurveyIssued(String surveyId, String token, String ticketId, String customerId, Channel channel,
            Instant expiresAt) {
        this(surveyId, token, ticketId, customerId, channel, expiresAt, null, null, null);
    }
}
