package io.sori.survey.survey;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;

/**
 * Counters of what this instance did: {@code sori_surveys_issued_total{channel,kind}},
 * {@code sori_surveys_answered_total{channel,kind}}, {@code sori_surveys_low_satisfaction_total{channel}}
 * and {@code sori_survey_score{channel}} (answers on 0–100, with buckets at every score). The
 * store-wide CSAT gauges are {@link io.sori.survey.stats.SatisfactionGauges}.
 */
@Component
public class SurveyMetrics {

    private final MeterRegistry meters;

    SurveyMetrics(MeterRegistry meters) {
        this.meters = meters;
    }

    public void issued(String channel, Survey.Kind kind) {
        Counter.builder("sori.surveys.issued").description("Surveys issued")
                .tags("channel", tag(channel), "kind", kind.name()).register(meters).increment();
    }

    void answered(Survey survey) {
        Counter.builder("sori.surveys.answered").description("Surveys answered")
                .tags("channel", tag(survey.channel()), "kind", survey.kind().name()).register(meters).increment();
        DistributionSummary.builder("sori.survey.score").description("Overall scores on 0-100 (1 → 0, 5 → 100)")
                .tags("channel", tag(survey.channel()))
                .serviceLevelObjectives(0.5, 25, 50, 75, 100) // le=0.5 counts the 1s (0 on the scale)
                .register(meters).record(survey.score100());
        if (survey.lowSatisfaction()) {
            Counter.builder("sori.surveys.low.satisfaction").description("Answers that asked for a follow-up")
                    .tags("channel", tag(survey.channel())).register(meters).increment();
        }
    }

    private static String tag(String value) {
        return value == null ? "UNKNOWN" : value;
    }
}
