package io.sori.platform.intent;

import io.sori.events.Category;
import io.sori.events.banking.EmergencyAction;
import java.time.Instant;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * What one customer text means to the bank: its topic, how urgent it is, and what it asks for.
 *
 * @param category what it is about, in the shared vocabulary
 * @param signals what makes it time-critical ({@link UrgencySignal#DEADLINE} when a deadline is known)
 * @param emergencies the emergencies it reports; empty for none
 * @param emergencyActions what to ask core banking for at once (freeze the account, stop the card)
 * @param deadlineAt the earlier of a given deadline and one found in the text, still ahead; null when none
 * @param formalComplaint the customer files a formal complaint (민원), with its regulatory clock
 * @param informational a plain question with no sign of a problem ("영업시간이 어떻게 되나요?")
 * @param matchedKeywords the words that decided it, in text order and the customer's spelling
 */
public record Intent(Category category, Set<UrgencySignal> signals, Set<Emergency> emergencies,
        Set<EmergencyAction> emergencyActions, Instant deadlineAt, boolean formalComplaint, boolean informational,
        List<String> matchedKeywords) {

    public Intent {
        Objects.requireNonNull(category, "category");
        signals = signals.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(signals));
        emergencies = emergencies.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(emergencies));
        emergencyActions = emergencyActions.isEmpty() ? Set.of()
                : Collections.unmodifiableSet(EnumSet.copyOf(emergencyActions));
        matchedKeywords = List.copyOf(matchedKeywords);
    }

    /** Harm is happening: a person takes it at once, before anything else the bot could say. */
    public boolean isEmergency() {
        return !emergencies.isEmpty();
    }

    /** Someone acted in the customer's name: a person at once, whatever else the message asks. */
    public boolean identityTheft() {
        return emergencies.contains(Emergency.IDENTITY_THEFT);
    }

    public boolean has(Emergency emergency) {
        return emergencies.contains(emergency);
    }

    /** The most pressing emergency (declaration order), or null. */
    public Emergency mainEmergency() {
        return emergencies.isEmpty() ? null : emergencies.iterator().next();
    }
}
