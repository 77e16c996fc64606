package io.sori.events.survey;

import io.sori.events.SoriEvent;

/** Events published by survey-service on {@code sori.surveys.v1}, keyed by survey id. */
public sealed interface SurveyEvent extends SoriEvent
        permits SurveyIssued, SurveyAnswered, LowSatisfactionReported {

    String surveyId();

    @Override
    default String aggregateId() {
        return surveyId();
    }
}
