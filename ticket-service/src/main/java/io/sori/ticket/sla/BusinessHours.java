package io.sori.ticket.sla;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.Month;
import java.time.MonthDay;
import java.time.ZonedDateTime;
import java.util.Objects;
import java.util.Set;

/**
 * The bank's working hours in Seoul: open from {@code opens} to {@code closes} on business days,
 * which are weekdays that are neither Korean public holidays nor days the bank closes every year.
 * Banks close on 5/1 (노동절, formerly 근로자의 날) although it is not a public holiday: their staff
 * are employees under the Labour Standards Act and the financial markets close; so it is closed
 * by default.
 */
public final class BusinessHours implements BusinessCalendar {

    /** Opening hours and the days closed every year besides public holidays. */
    public record Settings(LocalTime opens, LocalTime closes, Set<MonthDay> closedEveryYear) {
        public Settings {
            Objects.requireNonNull(opens, "opens");
            Objects.requireNonNull(closes, "closes");
            if (!opens.isBefore(closes)) {
                throw new IllegalArgumentException("opens " + opens + " must be before closes " + closes);
            }
            closedEveryYear = closedEveryYear == null ? Set.of() : Set.copyOf(closedEveryYear);
        }

        /** 09:00–18:00, closed on 5/1. */
        public static Settings defaults() {
            return new Settings(LocalTime.of(9, 0), LocalTime.of(18, 0), Set.of(MonthDay.of(Month.MAY, 1)));
        }
    }

    /** Enough to cross any run of holidays; more means the calendar is misconfigured. */
    private static final int MAX_CLOSED_DAYS_IN_A_ROW = 60;

    private final KoreanPublicHolidays holidays;
    private final Settings settings;

    public BusinessHours(KoreanPublicHolidays holidays, Settings settings) {
        this.holidays = Objects.requireNonNull(holidays, "holidays");
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    /** Default hours and closures over the given holidays. */
    public BusinessHours(KoreanPublicHolidays holidays) {
        this(holidays, Settings.defaults());
    }

    public boolean isBusinessDay(LocalDate date) {
        DayOfWeek day = date.getDayOfWeek();
        return day != DayOfWeek.SATURDAY && day != DayOfWeek.SUNDAY && !holidays.isHoliday(date)
                && !settings.closedEveryYear().contains(MonthDay.from(date));
    }

    @Override
    public boolean isOpen(Instant moment) {
        ZonedDateTime local = moment.atZone(SEOUL);
        LocalTime time = local.toLocalTime();
        return isBusinessDay(local.toLocalDate()) && !time.isBefore(settings.opens()) && time.isBefore(settings.closes());
    }

    @Override
    public Instant nextOpening(Instant moment) {
        ZonedDateTime local = moment.atZone(SEOUL);
        LocalDate day = local.toLocalDate();
        if (isBusinessDay(day)) {
            if (local.toLocalTime().isBefore(settings.opens())) {
                return opening(day);
            }
            if (local.toLocalTime().isBefore(settings.closes())) {
                return moment;
            }
        }
        return opening(nextBusinessDay(day));
    }

    @Override
    public Instant addWorkingTime(Instant start, Duration duration) {
        if (duration.isNegative()) {
            throw new IllegalArgumentException("negative duration: " + duration);
        }
        Instant at = nextOpening(start);
        Duration left = duration;
        while (true) {
            LocalDate day = LocalDate.ofInstant(at, SEOUL);
            Duration openToday = Duration.between(at, closing(day));
            if (left.compareTo(openToday) <= 0) {
                return at.plus(left);
            }
            left = left.minus(openToday);
            at = opening(nextBusinessDay(day));
        }
    }

    @Override
    public Instant addBusinessDays(Instant received, int days) {
        if (days < 1) {
            throw new IllegalArgumentException("days must be at least 1: " + days);
        }
        ZonedDateTime local = received.atZone(SEOUL);
        LocalDate day = local.toLocalDate();
        boolean receiptDayCounts = isBusinessDay(day) && local.toLocalTime().isBefore(settings.closes());
        LocalDate counted = receiptDayCounts ? day : nextBusinessDay(day);
        for (int n = 2; n <= days; n++) {
            counted = nextBusinessDay(counted);
        }
        return closing(counted);
    }

    @Override
    public Duration workingTimeBetween(Instant from, Instant to) {
        Duration total = Duration.ZERO;
        if (!to.isAfter(from)) {
            return total;
        }
        LocalDate last = LocalDate.ofInstant(to, SEOUL);
        for (LocalDate day = LocalDate.ofInstant(from, SEOUL); !day.isAfter(last); day = day.plusDays(1)) {
            if (isBusinessDay(day)) {
                Instant start = latest(from, opening(day));
                Instant end = earliest(to, closing(day));
                if (end.isAfter(start)) {
                    total = total.plus(Duration.between(start, end));
                }
            }
        }
        return total;
    }

    private LocalDate nextBusinessDay(LocalDate after) {
        LocalDate day = after.plusDays(1);
        for (int i = 0; i < MAX_CLOSED_DAYS_IN_A_ROW; i++, day = day.plusDays(1)) {
            if (isBusinessDay(day)) {
                return day;
            }
        }
        throw new IllegalStateException("no business day within " + MAX_CLOSED_DAYS_IN_A_ROW + " days after " + after);
    }

    private Instant opening(LocalDate day) {
        return day.atTime(settings.opens()).atZone(SEOUL).toInstant();
    }

    private Instant closing(LocalDate day) {
        return day.atTime(settings.closes()).atZone(SEOUL).toInstant();
    }

    private static Instant latest(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    private static Instant earliest(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }
}
