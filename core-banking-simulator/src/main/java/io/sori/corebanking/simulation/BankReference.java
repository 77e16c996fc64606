package io.sori.corebanking.simulation;

import io.sori.events.banking.EmergencyAction;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/**
 * References the bank gives its restrictions, quoted to the customer and in disputes:
 * {@code FRZ-20261124-000123} for an account freeze, {@code CSP-20261124-000007} for a card
 * stop, counted per kind and per Seoul calendar day.
 */
public final class BankReference {

    public static final ZoneId SEOUL = ZoneId.of("Asia/Seoul");
    private static final DateTimeFormatter DAY = DateTimeFormatter.BASIC_ISO_DATE;

    private BankReference() {
    }

    public static String prefix(EmergencyAction action) {
        return switch (action) {
            case FREEZE_ACCOUNT -> "FRZ";
            case SUSPEND_CARD -> "CSP";
        };
    }

    /** The counter that numbers one kind's references on one day, e.g. {@code FRZ-20261124}. */
    public static String series(EmergencyAction action, LocalDate seoulDay) {
        return prefix(action) + "-" + seoulDay.format(DAY);
    }

    public static String of(String series, long sequence) {
        if (sequence < 1) {
            throw new IllegalArgumentException("reference numbers start at 1, not " + sequence);
        }
        return "%s-%06d".formatted(series, sequence);
    }
}
