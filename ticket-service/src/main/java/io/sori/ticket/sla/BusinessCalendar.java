package io.sori.ticket.sla;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

/**
 * When the bank works on a ticket, for SLA arithmetic. Chat and phone run 24/7
 * ({@link AlwaysOpen}); email, inquiries and formal complaints run on business hours and
 * business days ({@link BusinessHours}).
 */
public interface BusinessCalendar {

    /** Days, opening hours and holidays are those of Seoul. */
    ZoneId SEOUL = ZoneId.of("Asia/Seoul");

    boolean isOpen(Instant moment);

    /** {@code moment} itself when open, otherwise the next moment the calendar opens. */
    Instant nextOpening(Instant moment);

    /**
     * The moment {@code duration} of open time has passed since {@code start}, counting only
     * open time; a start outside hours starts at the next opening (so a zero duration gives the
     * next opening). Work that ends exactly at closing time ends then, not at the next opening.
     *
     * @throws IllegalArgumentException for a negative duration
     */
    Instant addWorkingTime(Instant start, Duration duration);

    /**
     * The regulatory clock: the close of the {@code days}-th business day after receipt. The day
     * of receipt counts as day 1 (초일 산입) when it is a business day and receipt came before
     * closing time; otherwise day 1 is the next business day.
     *
     * @throws IllegalArgumentException when {@code days} is less than 1
     */
    Instant addBusinessDays(Instant received, int days);

    /** Open time within [from, to); zero when {@code to} is not after {@code from}. */
    Duration workingTimeBetween(Instant from, Instant to);
}
