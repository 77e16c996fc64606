package io.sori.channel.bot.calculator;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.MonthDay;
import java.time.ZoneId;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * International age (만 나이), the age Korean law has used since June 2023: full years since
 * birth, one less while this year's birthday is still ahead. "Today" is the date in Seoul.
 *
 * <p>Born on 29 February: in a year without that day the birthday is reached on 1 March, not
 * on 28 February. The Civil Code counts the birth day itself (art. 158) and ends a year on the
 * day before the same date; when that date does not exist, the period ends with the month's last
 * day (art. 160), so the new age starts the day after, 1 March.
 */
public final class AgeCalculator {

    public static final ZoneId SEOUL = ZoneId.of("Asia/Seoul");

    private static final Pattern KOREAN = Pattern.compile("(\\d{4}|\\d{2})\\s*년\\s*(\\d{1,2})\\s*월\\s*(\\d{1,2})\\s*일");
    private static final Pattern SEPARATED = Pattern.compile("(?<!\\d)(\\d{4}|\\d{2})\\s*[./-]\\s*(\\d{1,2})\\s*[./-]\\s*(\\d{1,2})(?!\\d)");
    private static final Pattern COMPACT = Pattern.compile("(?<![\\d*])(\\d{4})(\\d{2})(\\d{2})(?![\\d*-])");
    private static final Pattern SIX_DIGITS = Pattern.compile("(?<![\\d*])(\\d{2})(\\d{2})(\\d{2})(?![\\d*-])");

    private AgeCalculator() {
    }

    /** 만 나이 on {@code today}; the birth date must not be after it. */
    public static int age(LocalDate birth, LocalDate today) {
        if (birth.isAfter(today)) {
            throw new IllegalArgumentException("born after today");
        }
        int years = today.getYear() - birth.getYear();
        // MonthDay order puts 02-29 after 02-28: in a common year the birthday comes on 1 March
        boolean birthdayReached = !MonthDay.from(today).isBefore(MonthDay.from(birth));
        return birthdayReached ? years : years - 1;
    }

    /** What a birth date in the text reads as. */
    public sealed interface BirthDate {
    }

    /** No birth date in the text. */
    public record Missing() implements BirthDate {
    }

    /** Something like a date that is not a real calendar day ("2월 30일"). */
    public record Invalid(String written) implements BirthDate {
    }

    public record Found(LocalDate date) implements BirthDate {
    }

    /**
     * Reads a birth date: "1990년 5월 3일", "90년 5월 3일", "1990.5.3", "1990-05-03", "19900503",
     * "900503". Two-digit years are this century's when not after this year, else the last one's.
     */
    public static BirthDate birthDate(String text, LocalDate today) {
        String s = KoreanAmounts.normalise(text);
        for (Pattern pattern : new Pattern[] {KOREAN, SEPARATED, COMPACT, SIX_DIGITS}) {
            Matcher m = pattern.matcher(s);
            if (m.find()) {
                int year = Integer.parseInt(m.group(1));
                if (m.group(1).length() == 2) {
                    int century = today.getYear() / 100 * 100;
                    year = century + year > today.getYear() ? century - 100 + year : century + year;
                }
                try {
                    return new Found(LocalDate.of(year, Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3))));
                } catch (DateTimeException notADay) {
                    return new Invalid(m.group());
                }
            }
        }
        return new Missing();
    }

    static Optional<LocalDate> nextBirthday(LocalDate birth, LocalDate today) {
        for (int year = today.getYear(); year <= today.getYear() + 8; year++) {
            LocalDate candidate = birth.getMonthValue() == 2 && birth.getDayOfMonth() == 29 && !java.time.Year.isLeap(year)
                    ? LocalDate.of(year, 3, 1) : birth.withYear(year);
            if (candidate.isAfter(today)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }
}
