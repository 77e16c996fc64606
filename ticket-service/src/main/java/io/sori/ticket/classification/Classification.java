package io.sori.ticket.classification;

import io.sori.events.banking.EmergencyAction;
import io.sori.ticket.routing.Skill;
import java.time.Instant;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * What a contact is about and how urgent it is.
 *
 * @param deadlineAt the earlier of the customer's stated deadline and one found in the text; null when neither
 * @param emergencyActions what to ask core banking for at once (freeze the account, stop the card)
 * @param matchedKeywords the words that decided it, in text order, for the ticket history
 * @param informational a plain question with no sign of a problem ("영업시간이 어떻게 되나요?");
 *     lets a priority policy queue it behind real problems
 */
public record Classification(Category category, Set<UrgencySignal> signals, Instant deadlineAt,
        Set<EmergencyAction> emergencyActions, List<String> matchedKeywords, boolean informational) {

    public Classification {
        Objects.requireNonNull(category, "category");
        signals = signals.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(signals));
        emergencyActions = emergencyActions.isEmpty() ? Set.of()
                : Collections.unmodifiableSet(EnumSet.copyOf(emergencyActions));
        matchedKeywords = List.copyOf(matchedKeywords);
    }

    /** The team that takes it. */
    public Skill skill() {
        return category.skill();
    }

    /** Core banking must act before anyone reads the ticket. */
    public boolean isEmergency() {
        return !emergencyActions.isEmpty();
    }
}
