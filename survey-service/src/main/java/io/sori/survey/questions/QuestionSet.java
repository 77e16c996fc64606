package io.sori.survey.questions;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A versioned set of questions, chosen by the channel and category of what is surveyed. A survey
 * keeps the set (id, version and the questions themselves) it was issued with, so its answer stays
 * interpretable after the bank changes the questions: a change is a new version, never an edit.
 *
 * @param channels   the channels it is for (empty: any)
 * @param categories the ticket categories it is for (empty: any)
 * @param campaign   whether it is a relationship survey's set (campaigns) rather than a consultation's
 */
public record QuestionSet(String id, int version, Set<String> channels, Set<String> categories, boolean campaign,
        List<Question> questions) {

    public static final String OVERALL = "overall";
    public static final String SPEED = "speed";
    public static final String RESOLVED = "resolved";
    public static final String MISSING_INFO = "missingInfo";

    public QuestionSet {
        channels = channels == null ? Set.of() : Set.copyOf(channels);
        categories = categories == null ? Set.of() : Set.copyOf(categories);
        questions = questions == null ? List.of() : List.copyOf(questions);
        if (id == null || id.isBlank() || version < 1) {
            throw new IllegalArgumentException("a question set needs an id and a version of 1 or more");
        }
        if (questions.stream().map(Question::key).distinct().count() != questions.size()) {
            throw new IllegalArgumentException("question set " + id + " v" + version + " repeats a key");
        }
        // the roll-ups and the low-score follow-up read these keys: their meaning is fixed
        String name = id + " v" + version;
        Question overall = find(questions, OVERALL).orElseThrow(() -> new IllegalArgumentException(
                "question set " + name + " must ask '" + OVERALL + "'"));
        requireType(name, overall, QuestionType.SCORE, true);
        find(questions, SPEED).ifPresent(q -> requireType(name, q, QuestionType.SCORE, false));
        find(questions, RESOLVED).ifPresent(q -> requireType(name, q, QuestionType.YES_NO, false));
    }

    public Optional<Question> question(String key) {
        return find(questions, key);
    }

    private static Optional<Question> find(List<Question> questions, String key) {
        return questions.stream().filter(q -> q.key().equals(key)).findFirst();
    }

    /** How specific a match this set is for a channel and category; empty when it does not apply. */
    Optional<Integer> specificity(String channel, String category, boolean forCampaign) {
        if (campaign != forCampaign) {
            return Optional.empty();
        }
        boolean channelFits = channels.isEmpty() || (channel != null && channels.contains(channel));
        boolean categoryFits = categories.isEmpty() || (category != null && categories.contains(category));
        if (!channelFits || !categoryFits) {
            return Optional.empty();
        }
        return Optional.of((channels.isEmpty() ? 0 : 1) + (categories.isEmpty() ? 0 : 2));
    }

    private static void requireType(String set, Question q, QuestionType type, boolean required) {
        if (q.type() != type || (required && !q.required())) {
            throw new IllegalArgumentException("question set " + set + ": '" + q.key() + "' must be a "
                    + (required ? "required " : "") + type);
        }
    }
}
