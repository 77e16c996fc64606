package io.sori.ticket.priority;

import io.sori.events.Category;
import io.sori.events.ticket.Priority;
import io.sori.platform.intent.UrgencySignal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Decides a ticket's queue priority.
 *
 * <ol>
 *   <li><b>URGENT</b> — harm is happening now: a voice-phishing, fraud (a third party's too),
 *       identity-theft, hacking or unknown-payment signal; a lost or stolen card (category CARD_LOSS
 *       with a loss or theft signal); a customer deadline inside the urgent window (default 4 h),
 *       including one already missed; or a deadline that even a HIGH ticket's usual resolution
 *       would miss.</li>
 *   <li><b>HIGH</b> — a deadline inside the high window (default 24 h), or one that the usual
 *       resolution time of a NORMAL ticket of its category would miss (see {@link ResolutionTimes}:
 *       a 잔금 deadline in three days on a five-business-day desk); a vulnerable customer
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

    /**
     * When a ticket of a category and priority is usually resolved, counting from a moment: its
     * resolution target on the calendar its team works. Null when unknown.
     */
    @FunctionalInterface
    public interface ResolutionTimes {
        Instant resolvedBy(Category category, Priority priority, Instant from);

        /** Nothing known: only the fixed deadline windows apply. */
        ResolutionTimes UNKNOWN = (category, priority, from) -> null;
    }

    private final Settings settings;
    private final ResolutionTimes resolutionTimes;

    public PriorityPolicy(Settings settings, ResolutionTimes resolutionTimes) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.resolutionTimes = Objects.requireNonNull(resolutionTimes, "resolutionTimes");
    }

    public PriorityPolicy(Settings settings) {
        this(settings, ResolutionTimes.UNKNOWN);
    }

    public PriorityPolicy() {
        this(Settings.defaults());
    }

    public Priority decide(PriorityInputs in) {
        Priority forDeadline = forDeadline(in);
        if (forDeadline == Priority.URGENT || isUrgent(in)) {
            return Priority.URGENT;
        }
        if (forDeadline == Priority.HIGH || isHigh(in)) {
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

    /**
     * The lowest priority whose usual resolution still meets the customer's deadline (URGENT when
     * none does); null when there is no deadline, it is already met by NORMAL, or nothing is known.
     */
    private Priority forDeadline(PriorityInputs in) {
        if (in.deadlineAt() == null || !in.deadlineAt().isAfter(in.now())) {
            return null;
        }
        for (Priority priority : List.of(Priority.NORMAL, Priority.HIGH)) {
            Instant usual = resolutionTimes.resolvedBy(in.category(), priority, in.now());
            if (usual == null) {
                return null;
            }
            if (!usual.isAfter(in.deadlineAt())) {
                return priority == Priority.NORMAL ? null : priority;
            }
        }
        return Priority.URGENT;
    }

    private boolean isUrgent(PriorityInputs in) {
        boolean accountAtRisk = in.signals().stream().anyMatch(UrgencySignal::isUrgent);
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
