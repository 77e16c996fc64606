package io.sori.ticket.classification;

import io.sori.events.Category;
import io.sori.events.banking.EmergencyAction;
import io.sori.platform.intent.Intent;
import io.sori.platform.intent.UrgencySignal;
import io.sori.ticket.routing.Skill;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * What a contact is about and how urgent it is, for a ticket: the shared {@link Intent} reading
 * plus the team that takes it.
 *
 * @param deadlineAt the earlier of the customer's stated deadline and one found in the text; null when neither
 * @param emergencyActions what to ask core banking for at once (freeze the account, stop the card)
 * @param matchedKeywords the words that decided it, in text order, for the ticket history
 * @param informational a plain question with no sign of a problem ("영업시간이 어떻게 되나요?");
 *     lets a priority policy queue it behind real problems
 * @param formalComplaint the text files a formal complaint (민원): the ticket gets the regulatory clock
 */
public record Classification(Category category, Set<UrgencySignal> signals, Instant deadlineAt,
        Set<EmergencyAction> emergencyActions, List<String> matchedKeywords, boolean informational,
        boolean formalComplaint) {

    public Classification {
        Objects.requireNonNull(category, "category");
        signals = Set.copyOf(signals);
        emergencyActions = Set.copyOf(emergencyActions);
        matchedKeywords = List.copyOf(matchedKeywords);
    }

    static Classification of(Intent intent) {
        return new Classification(intent.category(), intent.signals(), intent.deadlineAt(), intent.emergencyActions(),
                intent.matchedKeywords(), intent.informational(), intent.formalComplaint());
    }

    /** The team that takes it. */
    public Skill skill() {
        return Skills.of(category);
    }

    /** Core banking must act before anyone reads the ticket. */
    public boolean isEmergency() {
        return !emergencyActions.isEmpty();
    }
}
