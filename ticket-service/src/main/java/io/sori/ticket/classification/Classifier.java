package io.sori.ticket.classification;

import io.sori.events.banking.EmergencyAction;
import io.sori.ticket.classification.DeadlineExtractor.Deadline;
import io.sori.ticket.classification.KeywordRules.Evidence;
import io.sori.ticket.classification.KeywordRules.LossMention;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Reads a contact: its category, urgency signals, deadline and the emergency actions it calls for.
 *
 * <p><b>Category.</b> A valid hint — a form's category, a phone line (CARD_LOSS, LOAN_JEONSE,
 * FX ...) or a Korean label — is what the customer or agent chose, so it wins over what the
 * words suggest, with one exception: an emergency found in the text beats a hint that is less
 * of an emergency. Emergencies rank FRAUD above CARD_LOSS above everything else; in the text they
 * count only with a live signal (a fraud signal, a loss or theft), while a FRAUD or CARD_LOSS
 * hint counts as chosen: a voice-phishing report made on the general line
 * is FRAUD, a lost card reported under "카드" is CARD_LOSS. A GENERAL or unknown hint counts as
 * no hint.
 *
 * <p><b>Emergency actions.</b> A live voice-phishing, fraud, identity-theft or hacking signal
 * asks for {@link EmergencyAction#FREEZE_ACCOUNT}. A live loss or theft asks for
 * {@link EmergencyAction#SUSPEND_CARD} when it is about a card (or wallet), or when nothing
 * says what was lost and the contact is a card-loss one ("분실신고 하려고요", or the card-loss
 * line). A lost phone or ID asks for nothing automatic: there is no card to stop, and the
 * identity team guides the customer. Settled phrases ("분실신고 해제", "보이스피싱 예방") keep
 * the topic but ask for nothing: the customer wants a stop lifted or information, not a new stop.
 *
 * <p><b>Deadline.</b> The earlier of the customer's stated deadline (kept as given, even if
 * already past) and the one {@link DeadlineExtractor} finds; either raises
 * {@link UrgencySignal#DEADLINE}.
 */
public final class Classifier {

    private final KeywordRules rules;
    private final DeadlineExtractor deadlines;

    public Classifier(KeywordRules rules, DeadlineExtractor deadlines) {
        this.rules = Objects.requireNonNull(rules, "rules");
        this.deadlines = Objects.requireNonNull(deadlines, "deadlines");
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
        Evidence evidence = rules.analyse(text);
        Category fromText = evidence.category() == null ? Category.GENERAL : evidence.category();
        Category category = Category.parse(categoryHint)
                .filter(hint -> hint != Category.GENERAL)
                .map(hint -> emergencyRank(fromText, evidence) > emergencyRank(hint) ? fromText : hint)
                .orElse(fromText);

        Set<UrgencySignal> signals = EnumSet.noneOf(UrgencySignal.class);
        signals.addAll(evidence.signals());
        List<String> why = new ArrayList<>(evidence.why());
        Optional<Deadline> found = deadlines.find(text, now);
        found.ifPresent(deadline -> why.add(deadline.phrase()));
        Instant deadlineAt = earlier(customerDeadline, found.map(deadline -> deadline.at().toInstant()).orElse(null));
        if (deadlineAt != null) {
            signals.add(UrgencySignal.DEADLINE);
        }
        return new Classification(category, signals, deadlineAt, emergencyActions(category, evidence),
                why, evidence.informational());
    }

    private static Set<EmergencyAction> emergencyActions(Category category, Evidence evidence) {
        Set<EmergencyAction> actions = EnumSet.noneOf(EmergencyAction.class);
        if (evidence.signals().stream().anyMatch(UrgencySignal::putsAccountAtRisk)) {
            actions.add(EmergencyAction.FREEZE_ACCOUNT);
        }
        boolean cardGone = evidence.losses().stream()
                .filter(LossMention::live)
                .anyMatch(loss -> loss.about() == Category.CARD_LOSS
                        || loss.about() == null && category == Category.CARD_LOSS);
        if (cardGone) {
            actions.add(EmergencyAction.SUSPEND_CARD);
        }
        return actions;
    }

    /** A chosen category is as urgent as its kind: the customer picked the fraud or card-loss line. */
    private static int emergencyRank(Category hint) {
        return hint == Category.FRAUD ? 2 : hint == Category.CARD_LOSS ? 1 : 0;
    }

    /** What the text shows: 2 for fraud with a live fraud signal, 1 for a card loss with a live loss or theft. */
    private static int emergencyRank(Category category, Evidence evidence) {
        if (category == Category.FRAUD && evidence.signals().stream().anyMatch(UrgencySignal::putsAccountAtRisk)) {
            return 2;
        }
        if (category == Category.CARD_LOSS && evidence.losses().stream().anyMatch(LossMention::live)) {
            return 1;
        }
        return 0;
    }

    private static Instant earlier(Instant a, Instant b) {
        if (a == null) {
            return b;
        }
        return b == null || a.isBefore(b) ? a : b;
    }
}
