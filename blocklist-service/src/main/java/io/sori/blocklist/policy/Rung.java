package io.sori.blocklist.policy;

import java.time.Duration;
import java.util.Objects;

/** One step of the escalation ladder: a warning, a block of a duration, or a permanent block. */
public record Rung(Action action, Duration duration) {

    public Rung {
        Objects.requireNonNull(action, "action");
        if (action == Action.BLOCK && (duration == null || duration.isNegative() || duration.isZero())) {
            throw new IllegalArgumentException("a BLOCK rung needs a positive duration");
        }
    }

    public static Rung warning() {
        return new Rung(Action.WARNING, null);
    }

    public static Rung block(Duration duration) {
        return new Rung(Action.BLOCK, duration);
    }

    public static Rung permanent() {
        return new Rung(Action.PERMANENT_BLOCK, null);
    }
}
