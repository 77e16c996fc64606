package io.sori.events.survey;

import io.sori.events.channel.Channel;

/**
 * A customer's one answer to a survey.
 *
 * @param overall            and speed on 1–5 (speed 0 when the question set did not ask it)
 * @param missingInfo        free text, personal numbers already masked
 * @param questionSetId      with {@code questionSetVersion}: the questions the answer was given to
 *                           (added in a backward-compatible way: null and 0 from older producers)
 * @param campaignId         the relationship-survey campaign, null for a consultation survey
 */
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
        String missingInfo,
        String questionSetId,
        int questionSetVersion,
        String campaignId) implements SurveyEvent {

    /** The first shape of this event, kept for producers and tests written against it. */
    public SurveyAnswered(String surveyId, String ticketId, String customerId, String agent, Channel channel,
            String category, int overall, int speed, boolean resolved, String missingInfo) {
        this(surveyId, ticketId, customerId, agent, channel, category, overall, speed, resolved, missingInfo, null, 0,
                null);
    }
}
