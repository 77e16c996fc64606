package io.sori.corebanking.simulation;

/**
 * A decision carried out: the customer's next standing, the action as recorded, and what
 * kind of answer it was (for the metrics).
 */
public record Answer(CustomerStanding standing, ActionRecord action, Kind kind) {

    public enum Kind {
        /** A restriction was put in place. */
        COMPLETED,
        /** Completed: the restriction was in place already. */
        ALREADY_IN_EFFECT,
        FAILED,
        /** A repeated actionId, answered as before. */
        REPEATED
    }
}
