package io.sori.ticket.priority;

import io.sori.events.Category;
import io.sori.platform.intent.UrgencySignal;
import io.sori.ticket.classification.Classification;
import java.time.Instant;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * What priority depends on.
 *
 * @param deadlineAt the customer's deadline; null for none
 * @param vulnerableCustomer elderly or needing accessibility support
 * @param reopenCount how often the ticket came back after it was resolved
 * @param formalComplaint a 민원, with a regulatory clock
 * @param informational a plain question with no sign of a problem (see {@link Classification#informational()})
 */
public record PriorityInputs(Category category, Set<UrgencySignal> signals, Instant deadlineAt, Instant now,
        boolean vulnerableCustomer, int reopenCount, boolean formalComplaint, boolean informational) {

    public PriorityInputs {
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(now, "now");
        signals = signals == null || signals.isEmpty() ? Set.of()
                : Collections.unmodifiableSet(EnumSet.copyOf(signals));
        if (reopenCount < 0) {
            throw new IllegalArgumentException("reopenCount must not be negative: " + reopenCount);
        }
    }

    /** A new ticket's inputs from its classification; the customer flags start unset, a complaint in the text counts. */
    public static PriorityInputs of(Classification classification, Instant now) {
        return new PriorityInputs(classification.category(), classification.signals(), classification.deadlineAt(), now,
                false, 0, classification.formalComplaint(), classification.informational());
    }

    public PriorityInputs withVulnerableCustomer(boolean vulnerable) {
        return new PriorityInputs(category, signals, deadlineAt, now, vulnerable, reopenCount, formalComplaint,
                informational);
    }

    public PriorityInputs withReopenCount(int count) {
        return new PriorityInputs(category, signals, deadlineAt, now, vulnerableCustomer, count, formalComplaint,
                informational);
    }

    /** A formal complaint by the channel or the agent; one found in the text stays. */
    public PriorityInputs withFormalComplaint(boolean complaint) {
        return new PriorityInputs(category, signals, deadlineAt, now, vulnerableCustomer, reopenCount,
                formalComplaint || complaint, informational);
    }

    public PriorityInputs at(Instant moment) {
        return new PriorityInputs(category, signals, deadlineAt, moment, vulnerableCustomer, reopenCount,
                formalComplaint, informational);
    }
}
