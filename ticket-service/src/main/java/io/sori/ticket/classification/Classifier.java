package io.sori.ticket.classification;

import io.sori.platform.intent.DeadlineExtractor;
import io.sori.platform.intent.IntentModel;
import io.sori.platform.intent.KeywordRules;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.Objects;

/**
 * Reads a contact for a ticket: its category, urgency signals, deadline, emergency actions and
 * whether it files a formal complaint. The reading itself is Sori's one {@link IntentModel},
 * shared with the chatbot and the re-entry emergency path, so the three cannot disagree; this
 * adds only the ticket's view of it (the team, see {@link Skills}).
 */
public final class Classifier {

    private final IntentModel model;

    public Classifier(KeywordRules rules, DeadlineExtractor deadlines) {
        this.model = new IntentModel(rules, deadlines);
    }

    /** Sori's default Korean rules. */
    public static Classifier withDefaults() {
        return new Classifier(KeywordRules.defaults(), new DeadlineExtractor());
    }

    /**
     * @param text what the customer wrote or the agent summarised; null reads as empty
     * @param categoryHint a chosen category, phone line or label; null, blank or unknown for none
     * @param customerDeadline a deadline the customer gave in a form; null for none
     * @param now the moment of classification (relative dates are read against it, in Asia/Seoul)
     */
    public Classification classify(String text, String categoryHint, Instant customerDeadline, ZonedDateTime now) {
        Objects.requireNonNull(now, "now");
        return Classification.of(model.read(text, categoryHint, customerDeadline, now));
    }
}
