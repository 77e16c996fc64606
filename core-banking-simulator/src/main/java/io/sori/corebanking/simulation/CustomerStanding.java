package io.sori.corebanking.simulation;

import io.sori.events.banking.EmergencyAction;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What the core holds about one customer: the restrictions in effect and every emergency
 * action it answered for them. Immutable; each change returns the next standing.
 */
public record CustomerStanding(String customerId, Restriction accountFreeze, Restriction cardSuspension,
        List<ActionRecord> actions) {

    public CustomerStanding {
        actions = actions == null ? List.of() : List.copyOf(actions);
    }

    /** A customer the core never restricted. */
    public static CustomerStanding clean(String customerId) {
        return new CustomerStanding(customerId, null, null, List.of());
    }

    public Optional<ActionRecord> action(String actionId) {
        return actions.stream().filter(a -> a.actionId().equals(actionId)).findFirst();
    }

    /** The restriction that the given action puts in place, if it already is. */
    public Optional<Restriction> restriction(EmergencyAction action) {
        if (action == null) {
            return Optional.empty();
        }
        return Optional.ofNullable(switch (action) {
            case FREEZE_ACCOUNT -> accountFreeze;
            case SUSPEND_CARD -> cardSuspension;
        });
    }

    public boolean accountFrozen() {
        return accountFreeze != null;
    }

    public boolean cardSuspended() {
        return cardSuspension != null;
    }

    CustomerStanding restrict(EmergencyAction action, Restriction restriction) {
        return switch (action) {
            case FREEZE_ACCOUNT -> new CustomerStanding(customerId, restriction, cardSuspension, actions);
            case SUSPEND_CARD -> new CustomerStanding(customerId, accountFreeze, restriction, actions);
        };
    }

    /** Adds the action, or replaces the one with the same id. */
    CustomerStanding record(ActionRecord record) {
        List<ActionRecord> next = new ArrayList<>(actions);
        next.removeIf(a -> a.actionId().equals(record.actionId()));
        next.add(record);
        return new CustomerStanding(customerId, accountFreeze, cardSuspension, next);
    }
}
