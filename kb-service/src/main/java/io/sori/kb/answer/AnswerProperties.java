package io.sori.kb.answer;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param threshold     below this confidence the chatbot gets {@code answered=false} (see {@link AnswerConfidence})
 * @param lowConfidence answers below this confidence are recorded among the gaps too
 * @param gapsRetentionDays how long the per-day gap counts are kept
 */
@ConfigurationProperties("sori.kb.answer")
public record AnswerProperties(Double threshold, Double lowConfidence, Integer gapsRetentionDays) {

    public AnswerProperties {
        threshold = threshold == null ? AnswerConfidence.ANSWER_THRESHOLD : threshold;
        lowConfidence = lowConfidence == null ? AnswerConfidence.LOW_CONFIDENCE : lowConfidence;
        gapsRetentionDays = gapsRetentionDays == null ? 400 : gapsRetentionDays;
    }
}
