package io.sori.events.survey;

import io.sori.events.channel.Channel;
import java.time.Instant;

/** A survey link for a finished consultation; channel-service delivers the invitation. */
public record SurveyIssued(
        String surveyId,
        String token,
        String ticketId,
        String customerId,
        Channel channel,
        Instant expiresAt) implements SurveyEvent {
}
