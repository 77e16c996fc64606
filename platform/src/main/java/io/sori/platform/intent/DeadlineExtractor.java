package io.sori.platform.intent;

import java.text.Normalizer;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the customer's own deadline in Korean text ("등록금을 오늘 오후 2시까지 내야 하는데"),
 * as a moment in Asia/Seoul.
 *
 * <p>What it reads:
 * <ul>
 *   <li>days: 오늘/금일, 내일, 모레, 내일모레, 글피; (이번 주|다음 주|다다음 주) X요일; N일; 이번 달/다음 달
 *       N일; N월 N일; YYYY년 N월 N일 (see {@link DayMention} for how a date without month or year
 *       is placed);</li>
 *   <li>weeks and months: 이번 주/다음 주 (its Friday), 이번 달/다음 달, 월말 (its last day), with a
 *       deadline word only;</li>
 *   <li>times: 오전/오후/아침/낮/저녁/밤/새벽 + N시 (N분 | 반), 14시, 14:30, native numbers (두 시),
 *       정오, 자정, and a part of the day alone with a deadline word ("오전 중으로": by noon; see
 *       {@link TimeMention});</li>
 *   <li>durations: N시간 / N분 / N일 / 하루 / 이틀 / 사흘 followed by 안에, 내로, 이내, 후, 뒤 →
 *       now plus that long;</li>
 *   <li>deadline words after a day or time: 까지, 전에, 전까지, 마감, 안에, 내로, 이내, 중(으로).</li>
 * </ul>
 *
 * <p>How it decides:
 * <ol>
 *   <li>A time takes the day named just before it (at most 8 characters earlier, same
 *       sentence); without one it is today.</li>
 *   <li>An hour 1–11 without 오전/오후 is read in business sense (7–11 morning, 1–6 afternoon); if
 *       that has passed on its day, the other half of the same day is taken when still ahead
 *       ("8시까지" at 10:00 is 20:00). If both have passed and the text named no day but did use
 *       a deadline word, it is the next day's business reading ("2시까지" said at 15:00 is
 *       tomorrow 14:00); a named day that has passed ("오늘 2시까지" at 15:00) is no deadline.</li>
 *   <li>A day without a time means the end of that day, 23:59:59 ("내일까지", "오늘 중").
 *       오늘 alone needs a deadline word, because "오늘 이체했는데" is a story, not a deadline.</li>
 *   <li>A time that starts a range or a period ("9시부터", "2시 이후", "9시~18시") is not a
 *       deadline, nor is the end of such a range (opening hours are no deadline).</li>
 *   <li>A deadline that has already passed is dropped: it cannot be met any more, and what the
 *       customer needs then is the complaint handled, not a faster queue. The earliest deadline
 *       still ahead wins.</li>
 * </ol>
 */
public final class DeadlineExtractor {

    public static final ZoneId SEOUL = ZoneId.of("Asia/Seoul");

    private static final LocalTime END_OF_DAY = LocalTime.of(23, 59, 59);
    private static final int MAX_DAY_TIME_GAP = 8;
    private static final String SENTENCE_BREAKS = ".?!;\n";
    private static final List<String> DEADLINE_WORDS = List.of("이전까지", "전까지", "이전에", "전에", "까지", "마감",
            "안으로", "안에", "내로", "내에", "이내", "중으로", "중에", "중", "전");
    /**
     * After a day or time without a deadline word, a verb in the past tense makes it a story
     * ("지난주 목요일에 신청했는데", "오후 3시에 보냈는데"), not a deadline; a wish ("보냈으면") is not past.
     */
    private static final Pattern STORY_AFTER = Pattern.compile("^[^.?!;,]{0,14}?(?:했|였|었|았|됐|됬|냈|왔|갔|봤|줬|샀|났|렸|겼|졌|쳤)"
            + "(?!으면|다면|으니까)");
    private static final List<String> START_WORDS = List.of("부터", "이후", "후에", "후", "넘어", "지나", "~");

    private static final Pattern DURATION = Pattern.compile(
            "(?:(?<![\\d.:])(?<n>\\d{1,3})|(?<![가-힣])(?<native>한|두|세|네|다섯|여섯|일곱|여덟|아홉|열)|(?<![가-힣])(?<word>하루|이틀|사흘))"
                    + "\\s*(?<unit>시간|분|일)?\\s*(?:(?<mi>\\d{1,2})\\s*분\\s*)?"
                    + "(?<mark>안으로|안에|내로|내에|이내|후에|후|뒤에|뒤)(?![가-힣&&[^에도는까요]])");

    /** A deadline and the words it was read from, for the ticket's history. */
    public record Deadline(ZonedDateTime at, String phrase) {
        public Deadline {
            Objects.requireNonNull(at, "at");
            Objects.requireNonNull(phrase, "phrase");
        }
    }

    /** The earliest deadline still ahead of {@code now}, in Asia/Seoul. */
    public Optional<ZonedDateTime> extract(String text, ZonedDateTime now) {
        return find(text, now).map(Deadline::at);
    }

    /** Like {@link #extract}, with the phrase it came from. */
    public Optional<Deadline> find(String text, ZonedDateTime now) {
        Objects.requireNonNull(now, "now");
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        String s = Normalizer.normalize(text, Normalizer.Form.NFKC).replaceAll("[\\s\\u200b]+", " ").strip();
        ZonedDateTime local = now.withZoneSameInstant(SEOUL);
        List<Deadline> found = new ArrayList<>();
        found.addAll(durations(s, local));
        found.addAll(datesAndTimes(s, local));
        return found.stream()
                .filter(deadline -> !deadline.at().isBefore(local))
                .min(Comparator.comparing(Deadline::at));
    }

    private List<Deadline> durations(String s, ZonedDateTime now) {
        List<Deadline> found = new ArrayList<>();
        Matcher m = DURATION.matcher(s);
        while (m.find()) {
            Duration length;
            if (m.group("word") != null) {
                if (m.group("unit") != null) {
                    continue;
                }
                length = Duration.ofDays(switch (m.group("word")) {
                    case "하루" -> 1;
                    case "이틀" -> 2;
                    default -> 3;
                });
            } else {
                String unit = m.group("unit");
                if (unit == null || m.group("native") != null && unit.equals("일")) {
                    continue;
                }
                long amount = m.group("n") != null ? Long.parseLong(m.group("n")) : TimeMention.nativeNumber(m.group("native"));
                length = switch (unit) {
                    case "시간" -> Duration.ofHours(amount);
                    case "분" -> Duration.ofMinutes(amount);
                    default -> Duration.ofDays(amount);
                };
                if (m.group("mi") != null) {
                    length = length.plusMinutes(Long.parseLong(m.group("mi")));
                }
            }
            found.add(new Deadline(now.plus(length), m.group().strip()));
        }
        return found;
    }

    private List<Deadline> datesAndTimes(String s, ZonedDateTime now) {
        LocalDate today = now.toLocalDate();
        List<DayMention> days = DayMention.findAll(s);
        Set<DayMention> dayOfSomeTime = new HashSet<>();
        List<Deadline> found = new ArrayList<>();
        for (TimeMention time : TimeMention.findAll(s)) {
            int markerEnd = deadlineWordEnd(s, time.end());
            boolean marked = markerEnd >= 0;
            if (time.needsMarker() && !marked || !marked && tellsAStory(s, time.end())) {
                continue;
            }
            Optional<DayMention> day = dayBefore(s, days, time);
            day.ifPresent(dayOfSomeTime::add);
            if (startsOrEndsRange(s, time)) {
                continue;
            }
            String phrase = s.substring(day.map(DayMention::start).orElse(time.start()), marked ? markerEnd : time.end());
            Optional<LocalDateTime> at = day.isPresent()
                    ? day.get().resolve(today, marked).flatMap(date -> firstAhead(time.readings(date), now))
                    : firstAhead(time.readings(today), now)
                            .or(() -> marked ? Optional.of(time.readings(today.plusDays(1)).get(0)) : Optional.empty());
            at.ifPresent(moment -> found.add(new Deadline(moment.atZone(SEOUL), phrase)));
        }
        for (DayMention day : days) {
            if (dayOfSomeTime.contains(day)) {
                continue;
            }
            int markerEnd = deadlineWordEnd(s, day.end());
            boolean marked = markerEnd >= 0;
            if (day.needsMarker() && !marked || !marked && tellsAStory(s, day.end())) {
                continue;
            }
            String phrase = s.substring(day.start(), marked ? markerEnd : day.end());
            day.resolve(today, marked)
                    .ifPresent(date -> found.add(new Deadline(date.atTime(END_OF_DAY).atZone(SEOUL), phrase)));
        }
        return found;
    }

    private static Optional<LocalDateTime> firstAhead(List<LocalDateTime> readings, ZonedDateTime now) {
        return readings.stream().filter(reading -> !reading.atZone(SEOUL).isBefore(now)).findFirst();
    }

    private static boolean tellsAStory(String s, int from) {
        return STORY_AFTER.matcher(s.substring(from)).find();
    }

    /** The day named right before a time ("내일 오전 10시", "금요일 오후 2시"), if any. */
    private static Optional<DayMention> dayBefore(String s, List<DayMention> days, TimeMention time) {
        DayMention last = null;
        for (DayMention day : days) {
            if (day.end() <= time.start()) {
                last = day;
            }
        }
        if (last == null) {
            return Optional.empty();
        }
        String between = s.substring(last.end(), time.start());
        boolean sameSentence = between.chars().noneMatch(c -> SENTENCE_BREAKS.indexOf(c) >= 0);
        return between.strip().length() <= MAX_DAY_TIME_GAP && sameSentence ? Optional.of(last) : Optional.empty();
    }

    /** "9시부터", "2시 이후", "9시~": a start; "9시부터 6시까지", "9시~18시": the end of a range. */
    private static boolean startsOrEndsRange(String s, TimeMention time) {
        int i = skipSpaces(s, time.end());
        for (String word : START_WORDS) {
            if (s.startsWith(word, i) && (word.length() > 1 || !followedByHangul(s, i + 1) || word.equals("~"))) {
                return true;
            }
        }
        String before = s.substring(Math.max(0, time.start() - 6), time.start()).strip();
        return before.contains("부터") || before.endsWith("~");
    }

    /** The end of a deadline word right after {@code from} (spaces skipped), or -1. */
    private static int deadlineWordEnd(String s, int from) {
        int i = skipSpaces(s, from);
        for (String word : DEADLINE_WORDS) {
            if (s.startsWith(word, i)) {
                boolean bare = word.equals("중") || word.equals("전");
                if (bare && followedByHangul(s, i + 1)) {
                    continue; // 중고, 전화: another word
                }
                return i + word.length();
            }
        }
        return -1;
    }

    private static boolean followedByHangul(String s, int i) {
        return i < s.length() && TimeMention.isHangul(s.charAt(i));
    }

    private static int skipSpaces(String s, int i) {
        while (i < s.length() && s.charAt(i) == ' ') {
            i++;
        }
        return i;
    }
}
