package io.sori.platform.intent;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A time of day named in a text, at [start, end) of the whitespace-collapsed text: 오후 2시,
 * 아침 9시 반, 저녁 7시 30분, 14시, 14:30, 두 시, 정오, 자정.
 *
 * @param hour as written (0–24), or 12 for 정오 and 24 for 자정
 * <p>A part of the day alone ("오전 중으로", "오늘 저녁까지") stands for its end: 새벽 06:00,
 * 오전/아침 12:00, 점심 13:00, 낮/오후 18:00, 저녁 21:00, 밤 24:00.
 *
 * @param exact false for an hour 1–11 with no 오전/오후-like word, which can mean either half of the day
 * @param needsMarker a part of the day alone is a deadline only with a deadline word after it
 *     ("오후까지"), not in a story ("오전에 이체했는데")
 */
record TimeMention(int start, int end, int hour, int minute, Period period, boolean exact, boolean needsMarker) {

    /** The words Korean uses for a part of the day, grouped by how they shift the hour. */
    enum Period {
        /** 오전, 아침: the hour as written. */
        MORNING,
        /** 새벽: small hours; 새벽 12시 is midnight. */
        DAWN,
        /** 오후, 낮, 저녁: the hour plus 12 (오후 12시 is noon). */
        AFTERNOON,
        /** 밤: 밤 9시 is 21:00, 밤 12시 midnight, 밤 1시 the small hours of the following day. */
        NIGHT
    }

    private static final String NATIVE = "열한|열두|다섯|여섯|일곱|여덟|아홉|열|한|두|세|네";

    private static final Pattern TIME = Pattern.compile(
            "(?<named>정오|자정)"
                    + "|(?:(?<period>오전|오후|아침|낮|저녁|밤|새벽)\\s*)?"
                    + "(?:(?<![\\d:.])(?<hh>\\d{1,2})\\s*:\\s*(?<mm>\\d{2})(?!\\d)"
                    + "|(?:(?<![\\d:.])(?<h>\\d{1,2})|(?<native>" + NATIVE + "))\\s*시(?!간)"
                    + "(?:\\s*(?<mi>\\d{1,2})\\s*분|\\s*(?<half>반))?)"
                    + "|(?<partonly>오전|오후|아침|점심|낮|저녁|밤|새벽)");

    /** Syllables that, glued to 시, make another word: 한시적, 세시봉, 시작, 시장, 시험, 시청 ... */
    private static final String NOT_AN_HOUR_AFTER_SI = "간적름바도작장계청험스설점민대즌세기절각킨켜키행효공판골집위";

    static List<TimeMention> findAll(String text) {
        List<TimeMention> found = new ArrayList<>();
        Matcher m = TIME.matcher(text);
        while (m.find()) {
            read(text, m).ifPresent(found::add);
        }
        return found;
    }

    private static Optional<TimeMention> read(String text, Matcher m) {
        int start = m.start();
        if (m.group("named") != null) {
            int hour = m.group("named").equals("정오") ? 12 : 24;
            return Optional.of(new TimeMention(start, m.end(), hour, 0, null, true, false));
        }
        if (m.group("partonly") != null) {
            return Optional.of(new TimeMention(start, m.end(), endOfPart(m.group("partonly")), 0, null, true, true));
        }
        Period period = period(m.group("period"));
        if (m.group("hh") != null) {
            int hour = Integer.parseInt(m.group("hh"));
            int minute = Integer.parseInt(m.group("mm"));
            boolean leadingZero = m.group("hh").length() == 2 && m.group("hh").charAt(0) == '0';
            return valid(hour, minute) ? Optional.of(new TimeMention(start, m.end(), hour, minute, period,
                    isExact(hour, period) || leadingZero, false)) : Optional.empty();
        }
        int hour;
        if (m.group("native") != null) {
            if (period == null && m.start("native") > 0 && isHangul(text.charAt(m.start("native") - 1))) {
                return Optional.empty();
            }
            hour = nativeNumber(m.group("native"));
        } else {
            hour = Integer.parseInt(m.group("h"));
        }
        int afterSi = m.group("mi") != null || m.group("half") != null ? siEnd(text, m) : m.end();
        if (afterSi < text.length() && NOT_AN_HOUR_AFTER_SI.indexOf(text.charAt(afterSi)) >= 0) {
            return Optional.empty();
        }
        int minute = m.group("mi") != null ? Integer.parseInt(m.group("mi")) : m.group("half") != null ? 30 : 0;
        int end = m.end();
        if (m.group("half") != null && end < text.length() && isHangul(text.charAt(end))
                && "까전에쯤마안내이부경으로는은가도요".indexOf(text.charAt(end)) < 0) {
            minute = 0; // 반납, 반송 ...: the 반 belongs to the next word
            end = afterSi;
        }
        return valid(hour, minute) ? Optional.of(new TimeMention(start, end, hour, minute, period,
                isExact(hour, period), false)) : Optional.empty();
    }

    /**
     * The moments this mention can mean on the given day, most likely first. An hour 1–11
     * without a part-of-day word is read in business sense first — 7 to 11 in the morning, 1 to
     * 6 in the afternoon — and the other half of the day second.
     */
    List<LocalDateTime> readings(LocalDate day) {
        if (period == null && exact) {
            return List.of(at(day, hour));
        }
        if (period == null) {
            return hour >= 7 ? List.of(at(day, hour), at(day, hour + 12)) : List.of(at(day, hour + 12), at(day, hour));
        }
        return List.of(switch (period) {
            case MORNING, DAWN -> at(day, hour == 12 ? 0 : hour);
            case AFTERNOON -> at(day, hour < 12 ? hour + 12 : hour);
            case NIGHT -> hour == 12 ? at(day, 24) : hour <= 5 ? at(day.plusDays(1), hour) : at(day, hour < 12 ? hour + 12 : hour);
        });
    }

    private LocalDateTime at(LocalDate day, int hourOfDay) {
        return hourOfDay >= 24
                ? day.plusDays(1).atTime(LocalTime.of(hourOfDay - 24, minute))
                : day.atTime(hourOfDay, minute);
    }

    private static boolean isExact(int hour, Period period) {
        return period != null || hour == 0 || hour >= 12;
    }

    private static boolean valid(int hour, int minute) {
        return hour >= 0 && hour <= 24 && minute >= 0 && minute < 60 && (hour < 24 || minute == 0);
    }

    private static int siEnd(String text, Matcher m) {
        int i = m.end(m.group("h") != null ? "h" : "native");
        while (i < text.length() && text.charAt(i) != '시') {
            i++;
        }
        return i + 1;
    }

    /** "오전까지" means by noon, "오후까지" by the end of the working day, "저녁까지" by 21:00. */
    private static int endOfPart(String word) {
        return switch (word) {
            case "새벽" -> 6;
            case "오전", "아침" -> 12;
            case "점심" -> 13;
            case "낮", "오후" -> 18;
            case "저녁" -> 21;
            default -> 24;
        };
    }

    private static Period period(String word) {
        if (word == null) {
            return null;
        }
        return switch (word) {
            case "오전", "아침" -> Period.MORNING;
            case "새벽" -> Period.DAWN;
            case "밤" -> Period.NIGHT;
            default -> Period.AFTERNOON;
        };
    }

    /** A native Korean number word, 한 (1) to 열두 (12): hours, and the counts of a "두 시간 안에". */
    static int nativeNumber(String word) {
        return switch (word) {
            case "한" -> 1;
            case "두" -> 2;
            case "세" -> 3;
            case "네" -> 4;
            case "다섯" -> 5;
            case "여섯" -> 6;
            case "일곱" -> 7;
            case "여덟" -> 8;
            case "아홉" -> 9;
            case "열" -> 10;
            case "열한" -> 11;
            default -> 12;
        };
    }

    static boolean isHangul(char c) {
        return c >= '가' && c <= '힣';
    }
}
