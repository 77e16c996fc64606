package io.sori.events.survey;

/** A low score that needs a follow-up; ticket-service may reopen the ticket. */
public record LowSatisfactionReported(
        String surveyId,
        String ticketId,
        String customerId,
        int overall,
        String comment) implements SurveyEvent {
}
