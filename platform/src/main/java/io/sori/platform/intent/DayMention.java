package io.sori.platform.intent;

import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A day named in a text, at [start, end) of the whitespace-collapsed text: 오늘, 내일, 모레,
 * 이번 주 금요일, 다음 주 월요일, 금요일, 15일, 다음 달 5일, 3월 5일, 2026년 3월 5일.
 *
 * <p>A date without a month or year, or a weekday without a week, is resolved in one of two
 * ways: with a deadline word after it ("15일까지", "금요일까지") it is the upcoming one (today
 * included); without one ("15일에 이체했는데") it is the nearest one, past or future, because
 * customers name past days as often as future ones, and a past day is no deadline.
 *
 * <p>A week or month without a day ("이번 주 안에", "다음 달까지", "월말까지") means its last
 * working day (Friday) or last day.
 *
 * @param needsMarker for words that alone only make a deadline with a deadline word after them:
 *     오늘/금일, so common in past narratives ("오늘 이체했는데" is a story, "오늘까지" a deadline),
 *     and a bare week or month ("이번 주에 이체했는데")
 */
record DayMention(int start, int end, boolean needsMarker,
        BiFunction<LocalDate, Boolean, Optional<LocalDate>> resolver) {

    private static final String NOT_A_DATE_AFTER_DAY =
            "(?!\\s*(?:째|동안|간|치|분|이내|안에|안으로|내로|내에|후|뒤|만에|한도|이체|이상|이하|정도|씩|마다|요일|전(?!\\s*까지)))";

    private static final Pattern DAY = Pattern.compile(
            "(?<ymd>(?:(?<y>\\d{4})\\s*년\\s*)?(?<m>\\d{1,2})\\s*월\\s*(?<md>\\d{1,2})\\s*일)" + NOT_A_DATE_AFTER_DAY
                    + "|(?<mrel>이번\\s*달|이달|다음\\s*달|담달|지난\\s*달|저번\\s*달)\\s*(?<mrd>\\d{1,2})\\s*일" + NOT_A_DATE_AFTER_DAY
                    + "|(?<lastdow>지난|저번)\\s*(?<ldow>[월화수목금토일])\\s*(?:요일|욜)"
                    + "|(?<week>다다음\\s*주|이번\\s*주|금주|다음\\s*주|담주|차주|지난\\s*주|저번\\s*주|전\\s*주)?\\s*(?<dow>[월화수목금토일])\\s*(?:요일|욜)"
                    + "|(?<weekonly>다다음\\s*주|이번\\s*주|금주|다음\\s*주|담주|차주|지난\\s*주|저번\\s*주)"
                    + "|(?<monthend>(?:이번\\s*달|이달|다음\\s*달|담달)\\s*말|(?<!\\d)월말)"
                    + "|(?<monthonly>이번\\s*달|이달|다음\\s*달|담달|지난\\s*달|저번\\s*달)"
                    + "|(?<past>엊그제|그저께|그제|어제|어저께)"
                    + "|(?<rel>내일\\s*모레|오늘|금일|내일|명일|모레|글피)"
                    + "|(?<![\\d.:])(?<dd>\\d{1,2})\\s*일" + NOT_A_DATE_AFTER_DAY);

    private static final Pattern RECURRING_BEFORE = Pattern.compile("(?:매월|매달|매주|매년|달마다)\\s*$");

    /** The day this mention names, from today's point of view; empty when it names no valid day. */
    Optional<LocalDate> resolve(LocalDate today, boolean marked) {
        return resolver.apply(today, marked);
    }

    static List<DayMention> findAll(String text) {
        List<DayMention> found = new ArrayList<>();
        Matcher m = DAY.matcher(text);
        while (m.find()) {
            int start = m.start();
            while (start < m.end() && text.charAt(start) == ' ') {
                start++;
            }
            if (RECURRING_BEFORE.matcher(text.substring(0, start)).find()) {
                continue;
            }
            mention(m, start).ifPresent(found::add);
        }
        return found;
    }

    private static Optional<DayMention> mention(Matcher m, int start) {
        int end = m.end();
        if (m.group("ymd") != null) {
            int month = Integer.parseInt(m.group("m"));
            int day = Integer.parseInt(m.group("md"));
            if (m.group("y") != null) {
                int year = Integer.parseInt(m.group("y"));
                return Optional.of(new DayMention(start, end, false, (today, marked) -> date(year, month, day)));
            }
            return Optional.of(new DayMention(start, end, false, (today, marked) -> marked
                    ? upcoming(today, Stream.of(0, 1).map(plus -> date(today.getYear() + plus, month, day)))
                    : nearest(today, Stream.of(-1, 0, 1).map(plus -> date(today.getYear() + plus, month, day)))));
        }
        if (m.group("lastdow") != null) {
            DayOfWeek dow = dayOfWeek(m.group("ldow").charAt(0));
            return Optional.of(new DayMention(start, end, false,
                    (today, marked) -> Optional.of(today.with(TemporalAdjusters.previous(dow)))));
        }
        if (m.group("past") != null) {
            int daysBack = m.group("past").startsWith("어") ? 1 : 2;
            return Optional.of(new DayMention(start, end, false,
                    (today, marked) -> Optional.of(today.minusDays(daysBack))));
        }
        if (m.group("mrel") != null) {
            int monthsAhead = monthsAhead(m.group("mrel"));
            int day = Integer.parseInt(m.group("mrd"));
            return Optional.of(new DayMention(start, end, false, (today, marked) -> {
                YearMonth month = YearMonth.from(today).plusMonths(monthsAhead);
                return date(month.getYear(), month.getMonthValue(), day);
            }));
        }
        if (m.group("dow") != null) {
            DayOfWeek dow = dayOfWeek(m.group("dow").charAt(0));
            String week = m.group("week");
            if (week == null) {
                return Optional.of(new DayMention(start, end, false, (today, marked) -> marked
                        ? Optional.of(today.with(TemporalAdjusters.nextOrSame(dow)))
                        : nearest(today, Stream.of(today.with(TemporalAdjusters.previousOrSame(dow)),
                                today.with(TemporalAdjusters.nextOrSame(dow))).map(Optional::of))));
            }
            int weeksAhead = weeksAhead(week);
            return Optional.of(new DayMention(start, end, false, (today, marked) -> Optional.of(
                    today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)).plusWeeks(weeksAhead)
                            .plusDays(dow.getValue() - 1L))));
        }
        if (m.group("weekonly") != null) {
            int weeksAhead = weeksAhead(m.group("weekonly"));
            return Optional.of(new DayMention(start, end, true, (today, marked) -> Optional.of(
                    today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)).plusWeeks(weeksAhead)
                            .with(DayOfWeek.FRIDAY))));
        }
        if (m.group("monthend") != null || m.group("monthonly") != null) {
            String words = m.group("monthend") != null ? m.group("monthend") : m.group("monthonly");
            int monthsAhead = monthsAhead(words);
            return Optional.of(new DayMention(start, end, true, (today, marked) -> Optional.of(
                    YearMonth.from(today).plusMonths(monthsAhead).atEndOfMonth())));
        }
        if (m.group("rel") != null) {
            String rel = m.group("rel").replace(" ", "");
            int days = switch (rel) {
                case "오늘", "금일" -> 0;
                case "내일", "명일" -> 1;
                case "모레", "내일모레" -> 2;
                default -> 3;
            };
            return Optional.of(new DayMention(start, end, days == 0,
                    (today, marked) -> Optional.of(today.plusDays(days))));
        }
        int day = Integer.parseInt(m.group("dd"));
        return Optional.of(new DayMention(start, end, false, (today, marked) -> {
            YearMonth month = YearMonth.from(today);
            return marked
                    ? upcoming(today, Stream.of(0, 1, 2).map(month::plusMonths)
                            .map(ym -> date(ym.getYear(), ym.getMonthValue(), day)))
                    : nearest(today, Stream.of(-1, 0, 1).map(month::plusMonths)
                            .map(ym -> date(ym.getYear(), ym.getMonthValue(), day)));
        }));
    }

    private static int weeksAhead(String week) {
        String compact = week.replace(" ", "");
        if (compact.startsWith("지난") || compact.startsWith("저번") || compact.startsWith("전")) {
            return -1;
        }
        return compact.startsWith("다다음") ? 2 : compact.equals("이번주") || compact.equals("금주") ? 0 : 1;
    }

    private static int monthsAhead(String month) {
        String compact = month.replace(" ", "");
        if (compact.startsWith("지난") || compact.startsWith("저번")) {
            return -1;
        }
        return compact.contains("다음") || compact.startsWith("담") ? 1 : 0;
    }

    private static Optional<LocalDate> upcoming(LocalDate today, Stream<Optional<LocalDate>> candidates) {
        return candidates.flatMap(Optional::stream).filter(date -> !date.isBefore(today)).findFirst();
    }

    private static Optional<LocalDate> nearest(LocalDate today, Stream<Optional<LocalDate>> candidates) {
        return candidates.flatMap(Optional::stream)
                .min(Comparator.comparingLong((LocalDate date) -> Math.abs(ChronoUnit.DAYS.between(today, date)))
                        .thenComparing(date -> date.isBefore(today)));
    }

    private static Optional<LocalDate> date(int year, int month, int day) {
        try {
            return Optional.of(LocalDate.of(year, month, day));
        } catch (DateTimeException invalid) {
            return Optional.empty();
        }
    }

    private static DayOfWeek dayOfWeek(char c) {
        return switch (c) {
            case '월' -> DayOfWeek.MONDAY;
            case '화' -> DayOfWeek.TUESDAY;
            case '수' -> DayOfWeek.WEDNESDAY;
            case '목' -> DayOfWeek.THURSDAY;
            case '금' -> DayOfWeek.FRIDAY;
            case '토' -> DayOfWeek.SATURDAY;
            default -> DayOfWeek.SUNDAY;
        };
    }
}
