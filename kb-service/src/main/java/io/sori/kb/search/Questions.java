package io.sori.kb.search;

import io.sori.platform.web.ProblemException;

/** The question parameter {@code q} of searches and answers. */
public final class Questions {

    private Questions() {
    }

    /** The question, stripped, if present, not blank, at most {@code max} characters and free of control characters. */
    public static String checked(String q, int max) {
        if (q == null || q.isBlank()) {
            throw ProblemException.badRequest("q", "is required: what to search for");
        }
        String question = q.strip();
        if (question.codePointCount(0, question.length()) > max) {
            throw ProblemException.badRequest("q", "must be at most " + max + " characters");
        }
        if (question.chars().anyMatch(c -> Character.isISOControl(c) && !Character.isWhitespace(c))) {
            throw ProblemException.badRequest("q", "must not contain control characters");
        }
        return question;
    }
}
