package io.sori.survey.questions;

/**
 * One question of a set.
 *
 * @param key       the answer's key ({@code overall}, {@code speed}, {@code resolved}, {@code missingInfo})
 * @param text      what the customer reads (Korean)
 * @param maxLength for TEXT: the longest answer accepted
 */
public record Question(String key, QuestionType type, String text, boolean required, int maxLength) {

    public static final int MIN_SCORE = 1;
    public static final int MAX_SCORE = 5;
    public static final int DEFAULT_MAX_LENGTH = 1000;

    public Question {
        if (key == null || !key.matches("[a-zA-Z][a-zA-Z0-9]{0,39}")) {
            throw new IllegalArgumentException("a question key is letters and digits, starting with a letter: " + key);
        }
        if (type == null) {
            throw new IllegalArgumentException("question " + key + " has no type");
        }
        maxLength = type == QuestionType.TEXT && maxLength <= 0 ? DEFAULT_MAX_LENGTH : maxLength;
    }
}
