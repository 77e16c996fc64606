package io.sori.ticket.sla;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;

/**
 * A 24/7 channel (chat, phone): every moment is working time. Its "business days" are
 * calendar days in Seoul, each closing at midnight; a regulatory clock belongs on
 * {@link BusinessHours}, not here.
 */
public final class AlwaysOpen implements BusinessCalendar {

    @Override
    public boolean isOpen(Instant moment) {
        return true;
    }

    @Override
    public Instant nextOpening(Instant moment) {
        return moment;
    }

    @Override
    public Instant addWorkingTime(Instant start, Duration duration) {
        if (duration.isNegative()) {
            throw new IllegalArgumentException("negative duration: " + duration);
        }
        return start.plus(duration);
    }

    @Override
    public Instant addBusinessDays(Instant received, int days) {
        if (days < 1) {
            throw new IllegalArgumentException("days must be at least 1: " + days);
        }
        LocalDate dayOfReceipt = LocalDate.ofInstant(received, SEOUL);
        return dayOfReceipt.plusDays(days).atStartOfDay(SEOUL).toInstant();
    }

    @Override
    public Duration workingTimeBetween(Instant from, Instant to) {
        return to.isAfter(from) ? Duration.between(from, to) : Duration.ZERO;
    }
}
