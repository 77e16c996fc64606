package io.sori.events.survey;

import io.sori.events.channel.Channel;

/** @param overall and speed on 1–5 */
public record SurveyAnswered(
        String surveyId,
        String ticketId,
        String customerId,
        String agent,
        Channel channel,
        String category,
        int overall,
        int speed,
        boolean resolved,
        String missingInfo) implements SurveyEvent {
}
