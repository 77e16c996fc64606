package io.sori.ticket.sla;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.MonthDay;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Korean public holidays (공휴일) under the 공휴일에 관한 법률 and the 관공서의 공휴일에 관한 규정.
 *
 * <ul>
 *   <li><b>Solar holidays</b>, every year: 1/1 신정, 3/1 삼일절, 5/5 어린이날, 6/6 현충일, 8/15 광복절,
 *       10/3 개천절, 10/9 한글날, 12/25 기독탄신일, and from 2026 7/17 제헌절 (restored by the
 *       January 2026 amendment that made every 국경일 a public holiday).</li>
 *   <li><b>Lunar holidays</b> from a table of solar dates ({@link #DEFAULT_LUNAR_TABLE}, 2024–2030):
 *       설날 and 추석 with the day before and after, and 부처님오신날. The lunar calendar has no
 *       closed form worth trusting here; a year outside the table gets its solar holidays only —
 *       ask {@link #isFullyCovered(int)} — and operators extend the table before it runs out.</li>
 *   <li><b>Substitute holidays</b> (대체공휴일), by the rules in force since 2023: 설날 and 추석 days
 *       overlapping a Sunday or another holiday; 국경일 (삼일절, 제헌절, 광복절, 개천절, 한글날),
 *       어린이날, 부처님오신날 and 기독탄신일 falling on a Saturday or Sunday or overlapping another
 *       holiday. Each lost day gives the first following weekday that is no holiday. Two holidays
 *       on one weekday lose one day, not two (2025-05-05, 어린이날 and 부처님오신날 → only 5/6).
 *       신정, 현충일 and extra days never get one. Years before 2023 are computed by these rules
 *       too, which is not how they were observed.</li>
 *   <li><b>Extra days</b> from configuration: election days (공직선거법 §34: an election
 *       ending a term is a public holiday) and temporary holidays (임시공휴일) the government
 *       declares; the known ones are in {@link #DEFAULT_EXTRA_DAYS}.</li>
 * </ul>
 *
 * <p>Saturdays and Sundays are not holidays here; a calendar adds weekends itself.
 * Instances are immutable and thread-safe (each year is computed once, on first use).
 */
public final class KoreanPublicHolidays {

    /** The solar dates of one year's lunar holidays. */
    public record LunarDates(LocalDate seollal, LocalDate buddhasBirthday, LocalDate chuseok) {
        public LunarDates {
            Objects.requireNonNull(seollal, "seollal");
            Objects.requireNonNull(buddhasBirthday, "buddhasBirthday");
            Objects.requireNonNull(chuseok, "chuseok");
            if (seollal.getYear() != chuseok.getYear() || seollal.getYear() != buddhasBirthday.getYear()) {
                throw new IllegalArgumentException("lunar dates of different years: " + seollal + ", "
                        + buddhasBirthday + ", " + chuseok);
            }
        }
    }

    /**
     * 설날 (1/1), 부처님오신날 (4/8) and 추석 (8/15) of the Korean lunar calendar, checked against a
     * new-moon computation for Korean time. Extend it from the annual 월력요항 of the Korea
     * Astronomy and Space Science Institute (KASI), which is the authority.
     */
    public static final Map<Integer, LunarDates> DEFAULT_LUNAR_TABLE = Map.of(
            2024, lunar("2024-02-10", "2024-05-15", "2024-09-17"),
            2025, lunar("2025-01-29", "2025-05-05", "2025-10-06"),
            2026, lunar("2026-02-17", "2026-05-24", "2026-09-25"),
            2027, lunar("2027-02-07", "2027-05-13", "2027-09-15"),
            2028, lunar("2028-01-27", "2028-05-02", "2028-10-03"),
            2029, lunar("2029-02-13", "2029-05-20", "2029-09-22"),
            2030, lunar("2030-02-03", "2030-05-09", "2030-09-12"));

    /** Election days and declared temporary holidays known when this table was written. */
    public static final Map<LocalDate, String> DEFAULT_EXTRA_DAYS = Map.of(
            LocalDate.parse("2024-04-10"), "제22대 국회의원 선거일",
            LocalDate.parse("2024-10-01"), "임시공휴일(국군의 날)",
            LocalDate.parse("2025-01-27"), "임시공휴일",
            LocalDate.parse("2025-06-03"), "제21대 대통령 선거일",
            LocalDate.parse("2026-06-03"), "제9회 전국동시지방선거일",
            // fixed by 공직선거법 §34: the first Wednesday after the 50th day before the term ends (5/29)
            LocalDate.parse("2028-04-12"), "제23대 국회의원 선거일");

    private static final int FIRST_YEAR_OF_CONSTITUTION_DAY = 2026;

    private final Map<Integer, LunarDates> lunarTable;
    private final Map<LocalDate, String> extraDays;
    private final Map<Integer, SortedMap<LocalDate, String>> byYear = new ConcurrentHashMap<>();

    /**
     * @param lunarTable solar dates of the lunar holidays, by year
     * @param extraDays election days and temporary holidays, with their names
     */
    public KoreanPublicHolidays(Map<Integer, LunarDates> lunarTable, Map<LocalDate, String> extraDays) {
        lunarTable.forEach((year, dates) -> {
            if (dates.seollal().getYear() != year) {
                throw new IllegalArgumentException("lunar dates for " + year + " are in " + dates.seollal().getYear());
            }
        });
        this.lunarTable = Map.copyOf(lunarTable);
        this.extraDays = Map.copyOf(extraDays);
    }

    /** The built-in lunar table and the known election and temporary holidays. */
    public static KoreanPublicHolidays defaults() {
        return new KoreanPublicHolidays(DEFAULT_LUNAR_TABLE, DEFAULT_EXTRA_DAYS);
    }

    /** These holidays plus more extra days (a newly declared 임시공휴일, an election). */
    public KoreanPublicHolidays withExtraDays(Map<LocalDate, String> more) {
        Map<LocalDate, String> all = new TreeMap<>(extraDays);
        all.putAll(more);
        return new KoreanPublicHolidays(lunarTable, all);
    }

    /** These holidays plus more extra days, named 임시공휴일. */
    public KoreanPublicHolidays withExtraDays(Collection<LocalDate> more) {
        Map<LocalDate, String> named = new TreeMap<>();
        more.forEach(day -> named.put(day, "임시공휴일"));
        return withExtraDays(named);
    }

    public boolean isHoliday(LocalDate date) {
        return nameOf(date).isPresent();
    }

    /** The holiday's Korean name ("추석", "대체공휴일(부처님오신날)"), or empty on an ordinary day. */
    public Optional<String> nameOf(LocalDate date) {
        String name = holidaysIn(date.getYear()).get(date);
        if (name == null) {
            // a substitute for a late-December holiday may fall in the next year
            name = holidaysIn(date.getYear() - 1).get(date);
        }
        return Optional.ofNullable(name);
    }

    /** Every holiday computed for a year, by date (a substitute may spill into January of the next). */
    public SortedMap<LocalDate, String> holidaysIn(int year) {
        return byYear.computeIfAbsent(year, this::compute);
    }

    /** True when the lunar holidays of the year are known, so the calendar is complete. */
    public boolean isFullyCovered(int year) {
        return lunarTable.containsKey(year);
    }

    /** The years whose lunar holidays are known. */
    public SortedSet<Integer> fullyCoveredYears() {
        return Collections.unmodifiableSortedSet(new TreeSet<>(lunarTable.keySet()));
    }

    private SortedMap<LocalDate, String> compute(int year) {
        TreeMap<LocalDate, List<Holiday>> days = new TreeMap<>();
        for (Holiday holiday : baseHolidays(year)) {
            days.computeIfAbsent(holiday.date(), date -> new ArrayList<>()).add(holiday);
        }
        TreeMap<LocalDate, String> result = new TreeMap<>();
        days.forEach((date, holidays) -> result.put(date, String.join("·", holidays.stream().map(Holiday::name).toList())));
        days.forEach((date, holidays) -> {
            String name = "대체공휴일(" + result.get(date) + ")";
            for (int lost = lostDays(date, holidays); lost > 0; lost--) {
                LocalDate substitute = date.plusDays(1);
                while (isWeekend(substitute) || result.containsKey(substitute)) {
                    substitute = substitute.plusDays(1);
                }
                result.put(substitute, name);
            }
        });
        return Collections.unmodifiableSortedMap(result);
    }

    private List<Holiday> baseHolidays(int year) {
        List<Holiday> holidays = new ArrayList<>();
        holidays.add(solar(year, 1, 1, "신정", Kind.NO_SUBSTITUTE));
        holidays.add(solar(year, 3, 1, "삼일절", Kind.WEEKEND_OR_OVERLAP));
        holidays.add(solar(year, 5, 5, "어린이날", Kind.WEEKEND_OR_OVERLAP));
        holidays.add(solar(year, 6, 6, "현충일", Kind.NO_SUBSTITUTE));
        if (year >= FIRST_YEAR_OF_CONSTITUTION_DAY) {
            holidays.add(solar(year, 7, 17, "제헌절", Kind.WEEKEND_OR_OVERLAP));
        }
        holidays.add(solar(year, 8, 15, "광복절", Kind.WEEKEND_OR_OVERLAP));
        holidays.add(solar(year, 10, 3, "개천절", Kind.WEEKEND_OR_OVERLAP));
        holidays.add(solar(year, 10, 9, "한글날", Kind.WEEKEND_OR_OVERLAP));
        holidays.add(solar(year, 12, 25, "기독탄신일", Kind.WEEKEND_OR_OVERLAP));
        LunarDates lunar = lunarTable.get(year);
        if (lunar != null) {
            for (int offset = -1; offset <= 1; offset++) {
                holidays.add(new Holiday(lunar.seollal().plusDays(offset), "설날", Kind.SUNDAY_OR_OVERLAP));
                holidays.add(new Holiday(lunar.chuseok().plusDays(offset), "추석", Kind.SUNDAY_OR_OVERLAP));
            }
            holidays.add(new Holiday(lunar.buddhasBirthday(), "부처님오신날", Kind.WEEKEND_OR_OVERLAP));
        }
        extraDays.forEach((date, name) -> {
            if (date.getYear() == year) {
                holidays.add(new Holiday(date, name, Kind.NO_SUBSTITUTE));
            }
        });
        return holidays;
    }

    /**
     * How many holidays on one date are lost and owed a substitute. A weekday keeps one holiday
     * (preferably one that is never substituted, so an eligible one is the one compensated); a
     * weekend keeps only a holiday not eligible on that day (설날 on a Saturday is simply lost).
     */
    private static int lostDays(LocalDate date, List<Holiday> holidays) {
        boolean shared = holidays.size() > 1;
        long eligible = holidays.stream().filter(holiday -> holiday.kind().substitutedOn(date.getDayOfWeek(), shared))
                .count();
        boolean weekdayKeepsOneOfThem = eligible == holidays.size() && !isWeekend(date);
        return (int) (weekdayKeepsOneOfThem ? eligible - 1 : eligible);
    }

    private static boolean isWeekend(LocalDate date) {
        return date.getDayOfWeek() == DayOfWeek.SATURDAY || date.getDayOfWeek() == DayOfWeek.SUNDAY;
    }

    private static Holiday solar(int year, int month, int day, String name, Kind kind) {
        return new Holiday(MonthDay.of(month, day).atYear(year), name, kind);
    }

    private static LunarDates lunar(String seollal, String buddhasBirthday, String chuseok) {
        return new LunarDates(LocalDate.parse(seollal), LocalDate.parse(buddhasBirthday), LocalDate.parse(chuseok));
    }

    private record Holiday(LocalDate date, String name, Kind kind) {
    }

    /** When a holiday is owed a substitute. */
    private enum Kind {
        /** 신정, 현충일, election and temporary holidays. */
        NO_SUBSTITUTE {
            @Override
            boolean substitutedOn(DayOfWeek day, boolean shared) {
                return false;
            }
        },
        /** 설날 and 추석 days: on a Sunday or together with another holiday. */
        SUNDAY_OR_OVERLAP {
            @Override
            boolean substitutedOn(DayOfWeek day, boolean shared) {
                return day == DayOfWeek.SUNDAY || shared;
            }
        },
        /** 국경일, 어린이날, 부처님오신날, 기독탄신일: on a Saturday or Sunday or together with another holiday. */
        WEEKEND_OR_OVERLAP {
            @Override
            boolean substitutedOn(DayOfWeek day, boolean shared) {
                return day == DayOfWeek.SATURDAY || day == DayOfWeek.SUNDAY || shared;
            }
        };

        abstract boolean substitutedOn(DayOfWeek day, boolean shared);
    }
}
