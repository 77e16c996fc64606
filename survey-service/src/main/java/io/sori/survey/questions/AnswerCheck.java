package io.sori.survey.questions;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Checks a customer's answers against the question set their survey was issued with: every key
 * must be one of its questions (so neither another set's keys nor {@code $operators} get in), scores
 * whole numbers within 1–5, yes/no a boolean, text a string within its length, required ones present.
 * Nothing is coerced: {@code "5"} or {@code 4.5} is not a score.
 */
public final class AnswerCheck {

    /** One refused answer, named as the API names it ({@code answers.overall}). */
    public record Problem(String field, String message) {
    }

    /** The accepted answers (values typed: Integer, Boolean, String), or what was wrong. */
    public record Result(Map<String, Object> answers, List<Problem> problems) {

        public boolean ok() {
            return problems.isEmpty();
        }
    }

    private AnswerCheck() {
    }

    public static Result check(QuestionSet set, Map<String, ?> answers) {
        List<Problem> problems = new ArrayList<>();
        Map<String, Object> accepted = new LinkedHashMap<>();
        if (answers == null) {
            return new Result(Map.of(), List.of(new Problem("answers", "is required")));
        }
        for (Map.Entry<String, ?> entry : answers.entrySet()) {
            String key = entry.getKey();
            String field = "answers." + key;
            if (key == null || key.startsWith("$") || key.contains(".")) {
                problems.add(new Problem(field, "is not a question of this survey (operators and dotted keys are refused)"));
                continue;
            }
            var question = set.question(key);
            if (question.isEmpty()) {
                problems.add(new Problem(field, "is not a question of this survey (question set " + set.id() + " v"
                        + set.version() + ")"));
                continue;
            }
            Object value = entry.getValue();
            if (value == null) {
                if (question.get().required()) {
                    problems.add(new Problem(field, "is required"));
                }
                continue;
            }
            String wrong = checkValue(question.get(), value);
            if (wrong != null) {
                problems.add(new Problem(field, wrong));
            } else {
                accepted.put(key, value instanceof String s ? s.strip() : normalise(value));
            }
        }
        for (Question q : set.questions()) {
            if (q.required() && !answers.containsKey(q.key())) {
                problems.add(new Problem("answers." + q.key(), "is required"));
            }
        }
        return new Result(problems.isEmpty() ? accepted : Map.of(), problems);
    }

    private static String checkValue(Question q, Object value) {
        return switch (q.type()) {
            case SCORE -> isWholeNumber(value) && inScoreRange(value) ? null
                    : "must be a whole number from " + Question.MIN_SCORE + " to " + Question.MAX_SCORE;
            case YES_NO -> value instanceof Boolean ? null : "must be true or false";
            case TEXT -> {
                if (!(value instanceof String s)) {
                    yield "must be text";
                }
                yield s.codePointCount(0, s.length()) > q.maxLength()
                        ? "must be at most " + q.maxLength() + " characters" : null;
            }
        };
    }

    private static boolean isWholeNumber(Object value) {
        return value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte
                || value instanceof BigInteger;
    }

    private static boolean inScoreRange(Object value) {
        BigInteger n = new BigInteger(value.toString());
        return n.compareTo(BigInteger.valueOf(Question.MIN_SCORE)) >= 0
                && n.compareTo(BigInteger.valueOf(Question.MAX_SCORE)) <= 0;
    }

    private static Object normalise(Object value) {
        return value instanceof Number n && !(value instanceof Integer) ? (Object) n.intValue() : value;
    }
}
