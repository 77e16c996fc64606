package io.sori.corebanking.simulation;

import io.sori.events.banking.EmergencyAction;

/** What the core decided to do about one request, before it does it. */
public sealed interface Decision {

    /** Whether carrying it out takes a new bank reference. */
    default boolean needsReference() {
        return false;
    }

    /** This actionId was answered before: answer the same again, change nothing. */
    record Repeat(ActionRecord earlier) implements Decision {
    }

    /** Put the freeze or card stop in place. */
    record Restrict(EmergencyAction action) implements Decision {
        @Override
        public boolean needsReference() {
            return true;
        }
    }

    /** It is in place already: complete with the reference of the restriction in effect. */
    record AlreadyInEffect(Restriction existing) implements Decision {
    }

    /** The core cannot or will not do it. */
    record Refuse(String reason) implements Decision {
    }
}
