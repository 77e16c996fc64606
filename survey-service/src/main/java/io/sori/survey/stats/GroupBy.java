package io.sori.survey.stats;

import java.util.Arrays;
import java.util.Optional;

/**
 * What the roll-ups group by, and the stored field each reads: for a period, answers fall in the
 * period they were given and issues in the one they were issued (both in Asia/Seoul).
 */
public enum GroupBy {
    AGENT("agent", "agent"),
    CHANNEL("channel", "channel"),
    CATEGORY("category", "category"),
    TEAM("team", "team"),
    DAY("answered.day", "issued.day"),
    WEEK("answered.week", "issued.week"),
    MONTH("answered.month", "issued.month");

    private final String answerField;
    private final String issueField;

    GroupBy(String answerField, String issueField) {
        this.answerField = answerField;
        this.issueField = issueField;
    }

    public String answerField() {
        return answerField;
    }

    public String issueField() {
        return issueField;
    }

    public static Optional<GroupBy> parse(String name) {
        return Arrays.stream(values()).filter(g -> g.name().equalsIgnoreCase(name)).findFirst();
    }
}
