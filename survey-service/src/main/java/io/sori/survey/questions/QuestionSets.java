package io.sori.survey.questions;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The bank's question sets. For a channel and category the most specific set wins (channel and
 * category, then category, then channel, then the catch-all), and of a set the highest version.
 */
public final class QuestionSets {

    private final List<QuestionSet> sets;

    public QuestionSets(List<QuestionSet> sets) {
        this.sets = List.copyOf(sets);
        if (pick(null, null, false).isEmpty()) {
            throw new IllegalArgumentException("the question sets need a catch-all for consultations "
                    + "(no channels, no categories)");
        }
    }

    /** The set a consultation survey on this channel and category is issued with. */
    public QuestionSet forConsultation(String channel, String category) {
        return pick(channel, category, false).orElseThrow();
    }

    /** The set a relationship survey (campaign) is issued with; the consultation one when none is configured. */
    public QuestionSet forCampaign(String channel) {
        return pick(channel, null, true).orElseGet(() -> forConsultation(channel, null));
    }

    private Optional<QuestionSet> pick(String channel, String category, boolean campaign) {
        return sets.stream()
                .filter(s -> s.specificity(channel, category, campaign).isPresent())
                .max(Comparator.<QuestionSet>comparingInt(s -> s.specificity(channel, category, campaign).orElse(0))
                        .thenComparingInt(QuestionSet::version));
    }
}
