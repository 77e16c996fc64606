package io.sori.ticket.priority;

import io.sori.events.ticket.Priority;
import io.sori.ticket.classification.Category;
import io.sori.ticket.classification.UrgencySignal;
import java.time.Duration;
import java.util.Objects;

/**
 * Decides a ticket's queue priority.
 *
 * <ol>
 *   <li><b>URGENT</b> — money or a card is at risk now: a voice-phishing, fraud, identity-theft or
 *       hacking signal; a lost or stolen card (category CARD_LOSS with a loss or theft signal); or a
 *       customer deadline inside the urgent window (default 4 h), including one already missed,
 *       because the harm is happening.</li>
 *   <li><b>HIGH</b> — a deadline inside the high window (default 24 h); a vulnerable customer
 *       (elderly, accessibility needs); a reopened ticket (the first answer failed); a formal
 *       complaint (민원, on a regulatory clock); a lost or stolen phone or ID (category
 *       IDENTITY with a loss or theft signal: the customer is locked out of a mobile-only bank
 *       and the device can be misused).</li>
 *   <li><b>LOW</b> — a GENERAL, informational question ("영업시간이 어떻게 되나요?") with none of
 *       the above and no signal at all. Anything the classifier could not place is not LOW: an
 *       unrecognised problem deserves a normal place in the queue.</li>
 *   <li><b>NORMAL</b> — everything else.</li>
 * </ol>
 *
 * <p>The policy is stateless and may be re-run whenever inputs change (a deadline draws near,
 * a ticket reopens). Never lowering a ticket's priority on re-evaluation is the caller's choice;
 * {@link #escalate} and {@link #rank} help there and in queue order.
 */
public final class PriorityPolicy {

    /** Deadline windows; the urgent one must not be longer than the high one. */
    public record Settings(Duration urgentDeadlineWindow, Duration highDeadlineWindow) {
        public Settings {
            Objects.requireNonNull(urgentDeadlineWindow, "urgentDeadlineWindow");
            Objects.requireNonNull(highDeadlineWindow, "highDeadlineWindow");
            if (urgentDeadlineWindow.isNegative() || urgentDeadlineWindow.compareTo(highDeadlineWindow) > 0) {
                throw new IllegalArgumentException("need 0 <= urgent window <= high window, got "
                        + urgentDeadlineWindow + " and " + highDeadlineWindow);
            }
        }

        /** 4 hours for URGENT, 24 hours for HIGH. */
        public static Settings defaults() {
            return new Settings(Duration.ofHours(4), Duration.ofHours(24));
        }
    }

    private final Settings settings;

    public PriorityPolicy(Settings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    public PriorityPolicy() {
        this(Settings.defaults());
    }

    public Priority decide(PriorityInputs in) {
        if (isUrgent(in)) {
            return Priority.URGENT;
        }
        if (isHigh(in)) {
            return Priority.HIGH;
        }
        if (isPlainQuestion(in)) {
            return Priority.LOW;
        }
        return Priority.NORMAL;
    }

    /** One step more urgent; URGENT stays URGENT. */
    public static Priority escalate(Priority priority) {
        return switch (priority) {
            case URGENT, HIGH -> Priority.URGENT;
            case NORMAL -> Priority.HIGH;
            case LOW -> Priority.NORMAL;
        };
    }

    /** Queue position of a priority: 0 for URGENT, served first, up to 3 for LOW. */
    public static int rank(Priority priority) {
        return switch (priority) {
            case URGENT -> 0;
            case HIGH -> 1;
            case NORMAL -> 2;
            case LOW -> 3;
        };
    }

    private boolean isUrgent(PriorityInputs in) {
        boolean accountAtRisk = in.signals().stream().anyMatch(UrgencySignal::putsAccountAtRisk);
        boolean cardGone = in.category() == Category.CARD_LOSS && lossOrTheft(in);
        return accountAtRisk || cardGone || deadlineWithin(in, settings.urgentDeadlineWindow());
    }

    private boolean isHigh(PriorityInputs in) {
        boolean phoneOrIdGone = in.category() == Category.IDENTITY && lossOrTheft(in);
        return deadlineWithin(in, settings.highDeadlineWindow()) || in.vulnerableCustomer() || in.reopenCount() > 0
                || in.formalComplaint() || phoneOrIdGone;
    }

    private static boolean isPlainQuestion(PriorityInputs in) {
        return in.category() == Category.GENERAL && in.informational() && in.signals().isEmpty()
                && in.deadlineAt() == null;
    }

    private static boolean lossOrTheft(PriorityInputs in) {
        return in.signals().stream().anyMatch(UrgencySignal::isLossOrTheft);
    }

    private static boolean deadlineWithin(PriorityInputs in, Duration window) {
        return in.deadlineAt() != null && !in.deadlineAt().isAfter(in.now().plus(window));
    }
}
