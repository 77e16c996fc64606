package io.sori.channel.bot.calculator;

import java.math.BigDecimal;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Amounts of money as Korean customers type them: {@code 30만원}, {@code 1억 2천만원},
 * {@code 1,500,000원}, {@code 1.5억}, {@code 5백만원}, {@code 만원}, {@code 100달러}, {@code $100},
 * {@code 1만엔}.
 *
 * <p>Units: 십 (10), 백 (100), 천 (1,000) group under the big units 만 (10<sup>4</sup>),
 * 억 (10<sup>8</sup>) and 조 (10<sup>12</sup>), as in "3천5백만" = 35,000,000. A unit without a
 * number before it counts one ("만원" = 10,000). After 억, a trailing group without 만 is read
 * as 만, as people say it: "2억5천" = 250,000,000. Digits may be grouped by commas and carry a
 * decimal part ("1.5억"). Hangul numerals ("삼십만원") are not read.
 *
 * <p>Bare numbers (no unit, no currency) count as amounts only from 1,000 and when no counter
 * follows them ("12개월", "3.5%", "30년", "5월" are not money).
 */
public final class KoreanAmounts {

    private static final BigDecimal MAN = BigDecimal.valueOf(10_000L);
    private static final BigDecimal EOK = BigDecimal.valueOf(100_000_000L);
    private static final BigDecimal JO = BigDecimal.valueOf(1_000_000_000_000L);
    private static final BigDecimal BARE_MINIMUM = BigDecimal.valueOf(1_000L);

    /** What follows a number that is a count, a rate or a date, not money. */
    private static final List<String> COUNTERS = List.of("%", "％", "프로", "퍼", "년", "개월", "개", "월", "일", "살",
            "세", "회", "번", "시", "분", "초", "명", "달", "주", "호", "층", "차", "등", "건", "장", "배", ".", "/", "-");

    private KoreanAmounts() {
    }

    /**
     * One amount found in a text.
     *
     * @param value    the amount in the currency's main unit (won, dollars, yen ...)
     * @param currency ISO 4217 code when the text says it ("원" → KRW, "달러" → USD), else null
     * @param explicit written with a Korean unit or a currency: certainly money
     * @param start    where it starts in the NFKC-normalised text
     * @param end      where it ends (exclusive), after any currency word
     */
    public record Amount(BigDecimal value, String currency, boolean explicit, int start, int end) {
    }

    /** The text as the parsers read it: NFKC (full-width digits become ASCII), lower case. */
    public static String normalise(String text) {
        return text == null ? "" : Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(java.util.Locale.ROOT);
    }

    /** Every amount in the text, in order. */
    public static List<Amount> findAll(String text) {
        String s = normalise(text);
        List<Amount> found = new ArrayList<>();
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            boolean wordStart = i == 0 || !isHangul(s.charAt(i - 1)) && !Character.isLetterOrDigit(s.charAt(i - 1));
            // not inside a number, nor right after a mask: "******4567" is a redacted account, not money
            boolean digitStart = isDigit(c) && (i == 0 || !isDigit(s.charAt(i - 1)) && s.charAt(i - 1) != '.'
                    && s.charAt(i - 1) != ',' && s.charAt(i - 1) != '*');
            if (digitStart || wordStart && unitOnlyAmountAt(s, i)) {
                Amount amount = span(s, i);
                if (amount != null) {
                    if (amount.value().signum() > 0 && (amount.explicit()
                            || amount.value().compareTo(BARE_MINIMUM) >= 0 && !counterAt(s, amount.end()))) {
                        found.add(amount);
                    }
                    i = Math.max(amount.end(), i + 1);
                    continue;
                }
            }
            i++;
        }
        return found;
    }

    /** The amount of a text that is just an amount ("1억 2천만원", "30만"), or empty. */
    public static Optional<BigDecimal> parse(String text) {
        String s = normalise(text).strip();
        if (s.isEmpty()) {
            return Optional.empty();
        }
        Amount amount = span(s, 0);
        return amount != null && amount.end() == s.length() ? Optional.of(amount.value()) : Optional.empty();
    }

    /** The first certain amount (with a unit or currency), else the first plain number that reads as money. */
    public static Optional<Amount> first(String text) {
        List<Amount> all = findAll(text);
        return all.stream().filter(Amount::explicit).findFirst().or(() -> all.stream().findFirst());
    }

    // ---------------------------------------------------------------------------------------

    private static Amount span(String s, int start) {
        BigDecimal total = BigDecimal.ZERO;
        BigDecimal section = BigDecimal.ZERO;
        BigDecimal current = null;
        BigDecimal lastBig = null;
        boolean sawUnit = false;
        int pos = start;
        int end = start;
        while (pos < s.length()) {
            char c = s.charAt(pos);
            if (isDigit(c)) {
                if (current != null) {
                    break;
                }
                int numberEnd = numberEnd(s, pos);
                current = new BigDecimal(s.substring(pos, numberEnd).replace(",", ""));
                pos = numberEnd;
                end = pos;
                int next = skipSpaces(s, pos);
                if (next < s.length() && unitOf(s.charAt(next)) != null && next - pos <= 1) {
                    pos = next;
                    continue;
                }
                break;
            }
            BigDecimal unit = unitOf(c);
            if (unit == null) {
                break;
            }
            if (unit.compareTo(MAN) < 0) {
                section = section.add((current == null ? BigDecimal.ONE : current).multiply(unit));
                current = null;
                sawUnit = true;
                pos++;
                end = pos;
                continue;
            }
            if (lastBig != null && unit.compareTo(lastBig) >= 0) {
                break;
            }
            BigDecimal group = section.add(current == null ? BigDecimal.ZERO : current);
            if (group.signum() == 0) {
                group = BigDecimal.ONE;
            }
            total = total.add(group.multiply(unit));
            section = BigDecimal.ZERO;
            current = null;
            lastBig = unit;
            sawUnit = true;
            pos++;
            end = pos;
            // "1억 2천만원": a following number continues the amount when a smaller unit follows it
            int next = skipSpaces(s, pos);
            if (next < s.length() && isDigit(s.charAt(next))) {
                int afterNumber = skipSpaces(s, numberEnd(s, next));
                BigDecimal following = afterNumber < s.length() ? unitOf(s.charAt(afterNumber)) : null;
                if (following != null && following.compareTo(unit) < 0) {
                    pos = next;
                    continue;
                }
                break;
            }
        }
        if (current == null && section.signum() == 0 && total.signum() == 0) {
            return null;
        }
        BigDecimal rest = section.add(current == null ? BigDecimal.ZERO : current);
        if (section.signum() > 0 && EOK.equals(lastBig)) {
            rest = rest.multiply(MAN); // 2억5천 = 2억 5천만
        }
        BigDecimal value = total.add(rest);

        String currency = null;
        int afterCurrency = end;
        int next = skipSpaces(s, end);
        if (next - end <= 1) {
            Currencies.Match match = Currencies.suffixAt(s, next);
            if (match != null) {
                currency = match.code();
                afterCurrency = next + match.length();
            }
        }
        if (currency == null) {
            currency = Currencies.prefixBefore(s, start);
        }
        return new Amount(value.stripTrailingZeros().scale() < 0 ? value.setScale(0) : value.stripTrailingZeros(),
                currency, sawUnit || currency != null, start, afterCurrency);
    }

    /** "만원", "천원", "백만원": units with no digits, written as a whole amount of won. */
    private static boolean unitOnlyAmountAt(String s, int i) {
        int pos = i;
        while (pos < s.length() && unitOf(s.charAt(pos)) != null) {
            pos++;
        }
        if (pos == i) {
            return false;
        }
        int next = skipSpaces(s, pos);
        return next - pos <= 1 && next < s.length() && s.charAt(next) == '원'
                && (next + 1 >= s.length() || s.charAt(next + 1) != '리'); // not 원리금
    }

    private static boolean counterAt(String s, int end) {
        int next = skipSpaces(s, end);
        for (String counter : COUNTERS) {
            if (s.startsWith(counter, next)) {
                if (".".equals(counter) || "/".equals(counter) || "-".equals(counter)) {
                    // a date or a range ("2026.11", "3-4"), not a sentence's full stop
                    return next + 1 < s.length() && isDigit(s.charAt(next + 1));
                }
                return true;
            }
        }
        return false;
    }

    /** The end of a number: digits, thousands separators, then a decimal part. */
    private static int numberEnd(String s, int pos) {
        int i = pos;
        while (i < s.length() && (isDigit(s.charAt(i)) || s.charAt(i) == ',' && thousandsSeparator(s, i))) {
            i++;
        }
        if (i + 1 < s.length() && s.charAt(i) == '.' && isDigit(s.charAt(i + 1))) {
            i++;
            while (i < s.length() && isDigit(s.charAt(i))) {
                i++;
            }
        }
        return i;
    }

    /** A comma between digits followed by exactly three digits: "1,500,000". */
    private static boolean thousandsSeparator(String s, int comma) {
        if (comma == 0 || !isDigit(s.charAt(comma - 1))) {
            return false;
        }
        for (int k = 1; k <= 3; k++) {
            if (comma + k >= s.length() || !isDigit(s.charAt(comma + k))) {
                return false;
            }
        }
        return comma + 4 >= s.length() || !isDigit(s.charAt(comma + 4));
    }

    private static int skipSpaces(String s, int pos) {
        int i = pos;
        while (i < s.length() && s.charAt(i) == ' ') {
            i++;
        }
        return i;
    }

    private static BigDecimal unitOf(char c) {
        return switch (c) {
            case '십' -> BigDecimal.TEN;
            case '백' -> BigDecimal.valueOf(100);
            case '천' -> BigDecimal.valueOf(1_000);
            case '만' -> MAN;
            case '억' -> EOK;
            case '조' -> JO;
            default -> null;
        };
    }

    static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    static boolean isHangul(char c) {
        return c >= '\uAC00' && c <= '\uD7A3';
    }
}
