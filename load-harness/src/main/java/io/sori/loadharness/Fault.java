package io.sori.loadharness;

import java.util.Arrays;
import java.util.Locale;

/** A process stopped mid-burst and started again; the launcher's process names. */
public enum Fault {
    NONE(null),
    STOP_TICKET_SERVICE("ticket-service"),
    RESTART_KAFKA("kafka"),
    STOP_KB_SERVICE("kb-service");

    private final String process;

    Fault(String process) {
        this.process = process;
    }

    /** The launcher's name of the process stopped and started again ({@code null} for {@link #NONE}). */
    public String process() {
        return process;
    }

    /** As {@code ./bench --fault} spells it. */
    public String option() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    static Fault named(String option) {
        return Arrays.stream(values()).filter(f -> f.option().equals(option.toLowerCase(Locale.ROOT))).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("--fault must be one of "
                        + Arrays.stream(values()).filter(f -> f != NONE).map(Fault::option).toList() + ", was " + option));
    }
}
