package io.sori.channel.bot;

import java.util.List;

/**
 * What the knowledge base said to one question.
 *
 * @param status        ANSWERED, NOT_ANSWERED, or UNAVAILABLE (no answer could be had at all)
 * @param answer        the article's text (Markdown) when answered
 * @param relatedTitles other articles that might help, best first (may be empty)
 */
public record KbAnswer(Status status, String articleId, String title, String answer, double confidence,
        List<String> relatedTitles) {

    public enum Status { ANSWERED, NOT_ANSWERED, UNAVAILABLE }

    public KbAnswer {
        relatedTitles = relatedTitles == null ? List.of() : List.copyOf(relatedTitles);
        if (status == Status.ANSWERED && (answer == null || answer.isBlank())) {
            status = Status.NOT_ANSWERED;
        }
    }

    public static KbAnswer answered(String articleId, String title, String answer, double confidence) {
        return new KbAnswer(Status.ANSWERED, articleId, title, answer, confidence, List.of());
    }

    public static KbAnswer notAnswered(double confidence, List<String> relatedTitles) {
        return new KbAnswer(Status.NOT_ANSWERED, null, null, null, confidence, relatedTitles);
    }

    public static KbAnswer unavailable() {
        return new KbAnswer(Status.UNAVAILABLE, null, null, null, 0, List.of());
    }
}
