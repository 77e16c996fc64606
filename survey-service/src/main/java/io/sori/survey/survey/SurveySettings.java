package io.sori.survey.survey;

import io.sori.survey.questions.QuestionSet;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The bank's survey rules, from {@code sori.surveys.*} (application.yml has the defaults).
 *
 * @param expiresAfter   how long a survey link can be answered
 * @param lowScoreAtMost an overall score at or below this is a low score that needs a follow-up
 * @param gaugeWindow    the period the satisfaction gauges cover (the dashboards' "recent" CSAT)
 * @param gaugeRefresh   how often the gauges are read from the store
 * @param questionSets   every version of every question set still in use
 * @param linkBase       what comes before the token in the link customers are sent (channel-service's
 *                       {@code SORI_SURVEY_LINK_BASE}, the same variable), shown again on the status page
 */
@ConfigurationProperties("sori.surveys")
public record SurveySettings(Duration expiresAfter, int lowScoreAtMost, Duration gaugeWindow, Duration gaugeRefresh,
        List<QuestionSet> questionSets, String linkBase) {

    public SurveySettings {
        expiresAfter = expiresAfter == null ? Duration.ofDays(7) : expiresAfter;
        lowScoreAtMost = lowScoreAtMost <= 0 ? 2 : lowScoreAtMost;
        gaugeWindow = gaugeWindow == null ? Duration.ofDays(30) : gaugeWindow;
        gaugeRefresh = gaugeRefresh == null ? Duration.ofMinutes(1) : gaugeRefresh;
        questionSets = questionSets == null ? List.of() : List.copyOf(questionSets);
        linkBase = linkBase == null || linkBase.isBlank() ? "http://localhost:8080/api/surveys/" : linkBase;
    }
}
