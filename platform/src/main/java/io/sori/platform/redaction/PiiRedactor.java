package io.sori.platform.redaction;

import java.util.function.Function;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Masks personal data in free text before anything is stored, logged or published: what
 * customers write on any channel (at channel-service's edge) and what staff write on tickets
 * (replies, notes, an agent-opened ticket's subject and description), so the raw text never
 * leaves the request that carried it. Framework-free.
 *
 * <p>Full-width digits and dashes ({@code ９０１２３４－１２３４５６７}) are read as ASCII first
 * (the masked text keeps the ASCII forms), then the masks apply in this order (each works on what
 * the previous ones left):
 * <ol>
 * <li><b>주민등록번호 / 외국인등록번호</b> {@code YYMMDD-GNNNNNN}, with or without the hyphen, when the date
 * is a real calendar day and G is 1–8: fully masked, {@code ******-*******} (even the birth date
 * and the gender digit identify a person); with the hyphen, even when the date is not a real day.
 * Also when given in two parts in the same text: a standalone six-digit run and a standalone
 * seven-digit run starting 1–8 are both masked when together they form a valid number, or when the
 * text names a resident number ("앞자리는 901234이고 뒷자리는 1234567이에요").</li>
 * <li><b>Card numbers</b>: 13–19 digits, optionally grouped by spaces or hyphens, that pass the
 * Luhn check: every digit but the last four becomes {@code *}, separators stay
 * ({@code ****-****-****-1234}). Digit runs that fail the Luhn check are not cards.</li>
 * <li><b>Phone numbers</b>: mobile ({@code 010-1234-5678}, {@code 01012345678}), area-code lines
 * ({@code 02-123-4567}, {@code 031-123-4567}, {@code 070-…}) and {@code +82} forms: the middle
 * group is masked, prefix and last four stay ({@code 010-****-5678}, {@code +82 10-****-5678}).</li>
 * <li><b>Account numbers</b>: hyphenated groups of 10–16 digits in all (Korean banks' formats such
 * as {@code 3333-01-1234567}, {@code 110-123-456789}) and bare runs of 10–16 digits left over:
 * every digit but the last four becomes {@code *} ({@code ****-**-***4567}).</li>
 * </ol>
 * Dates, times, amounts and reference numbers glued to letters ({@code SR-20261124-000123}) are
 * left alone.
 */
public final class PiiRedactor {

    private static final Pattern RRN = Pattern.compile(
            "(?<![\\d-])(\\d{2})(\\d{2})(\\d{2})\\s?-?\\s?([1-8])\\d{6}(?![\\d-])");
    private static final Pattern RRN_FRONT = Pattern.compile("(?<![A-Za-z0-9-])(\\d{2})(\\d{2})(\\d{2})(?![A-Za-z0-9-])");
    private static final Pattern RRN_BACK = Pattern.compile("(?<![A-Za-z0-9-])([1-8])\\d{6}(?![A-Za-z0-9-])");
    private static final Pattern NAMES_RRN = Pattern.compile("주민|앞자리|뒷자리|앞번호|뒷번호|등록번호");
    private static final Pattern CARD = Pattern.compile("(?<![A-Za-z0-9-])(?:\\d[ -]?){12,18}\\d(?![A-Za-z0-9-])");
    private static final Pattern INTERNATIONAL_PHONE = Pattern.compile(
            "\\+82[ .-]?(?:\\(0\\)|0)?[ .-]?(1[016789]|2|[3-6][1-5]|70)[ .)-]?(\\d{3,4})[ .-]?(\\d{4})(?!\\d)");
    private static final Pattern DOMESTIC_PHONE = Pattern.compile(
            "(?<![A-Za-z0-9-])(01[016789]|02|0[3-6][1-5]|070)[ .)-]?(\\d{3,4})[ .-]?(\\d{4})(?![A-Za-z0-9-])");
    private static final Pattern HYPHENATED_ACCOUNT = Pattern.compile("(?<![A-Za-z0-9-])\\d{2,6}(?:-\\d{2,8}){1,3}(?![A-Za-z0-9-])");
    private static final Pattern DIGIT_RUN = Pattern.compile("(?<![A-Za-z0-9-])\\d{10,16}(?![A-Za-z0-9-])");

    /** Masks every kind of personal number this class knows; null stays null. */
    public String redact(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        // written with the hyphen, six and seven digits are a resident number even when the date is garbled
        String out = replace(RRN, asciiDigits(text),
                m -> validRrn(m) || m.group().contains("-") ? "******-*******" : m.group());
        out = maskSplitRrn(out);
        out = replace(CARD, out, m -> {
            String digits = digitsOf(m.group());
            return digits.length() >= 13 && digits.length() <= 19 && luhn(digits) ? keepLastDigits(m.group(), 4)
                    : m.group();
        });
        out = replace(INTERNATIONAL_PHONE, out, m -> "+82 " + m.group(1) + "-" + "*".repeat(m.group(2).length())
                + "-" + m.group(3));
        out = replace(DOMESTIC_PHONE, out, m -> m.group(1) + "-" + "*".repeat(m.group(2).length()) + "-" + m.group(3));
        out = replace(HYPHENATED_ACCOUNT, out, m -> {
            int digits = digitsOf(m.group()).length();
            return digits >= 10 && digits <= 16 ? keepLastDigits(m.group(), 4) : m.group();
        });
        return replace(DIGIT_RUN, out, m -> keepLastDigits(m.group(), 4));
    }

    /** Full-width digits and dash variants as ASCII; nothing else changes (NFKC would rewrite Hangul jamo). */
    static String asciiDigits(String text) {
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            char ascii = c >= '\uFF10' && c <= '\uFF19' ? (char) ('0' + (c - '\uFF10'))
                    : c == '\uFF0D' || c == '\u2010' || c == '\u2011' || c == '\u2012' || c == '\u2013'
                            || c == '\u2212' || c == '\uFE63' ? '-' : c;
            if (ascii != c && out == null) {
                out = new StringBuilder(text);
            }
            if (out != null) {
                out.setCharAt(i, ascii);
            }
        }
        return out == null ? text : out.toString();
    }

    /** A birth date and the back seven digits written apart, in the same text: both parts are masked. */
    private static String maskSplitRrn(String text) {
        java.util.List<MatchResult> fronts = RRN_FRONT.matcher(text).results().toList();
        java.util.List<MatchResult> backs = RRN_BACK.matcher(text).results().toList();
        if (fronts.isEmpty() || backs.isEmpty()) {
            return text;
        }
        boolean named = NAMES_RRN.matcher(text).find();
        java.util.Set<MatchResult> masked = new java.util.HashSet<>();
        for (MatchResult front : fronts) {
            for (MatchResult back : backs) {
                if (named || validRrn(front.group(1), front.group(2), front.group(3), back.group(1).charAt(0) - '0')) {
                    masked.add(front);
                    masked.add(back);
                }
            }
        }
        StringBuilder out = new StringBuilder(text);
        for (MatchResult part : masked) {
            for (int i = part.start(); i < part.end(); i++) {
                out.setCharAt(i, '*');
            }
        }
        return out.toString();
    }

    private static String replace(Pattern pattern, String text, Function<MatchResult, String> mask) {
        Matcher m = pattern.matcher(text);
        StringBuilder out = new StringBuilder(text.length());
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(mask.apply(m.toMatchResult())));
        }
        m.appendTail(out);
        return out.toString();
    }

    static boolean validRrn(MatchResult m) {
        return validRrn(m.group(1), m.group(2), m.group(3), m.group(4).charAt(0) - '0');
    }

    private static boolean validRrn(String yy, String mm, String dd, int gender) {
        int month = Integer.parseInt(mm);
        int day = Integer.parseInt(dd);
        if (month < 1 || month > 12 || day < 1 || gender < 1 || gender > 8) {
            return false;
        }
        int century = gender <= 2 || gender == 5 || gender == 6 ? 1900 : 2000;
        int year = century + Integer.parseInt(yy);
        return day <= java.time.YearMonth.of(year, month).lengthOfMonth();
    }

    static boolean luhn(String digits) {
        int sum = 0;
        boolean twice = false;
        for (int i = digits.length() - 1; i >= 0; i--) {
            int d = digits.charAt(i) - '0';
            if (twice) {
                d *= 2;
                if (d > 9) {
                    d -= 9;
                }
            }
            sum += d;
            twice = !twice;
        }
        return sum % 10 == 0;
    }

    private static String digitsOf(String s) {
        StringBuilder digits = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            if (Character.isDigit(s.charAt(i))) {
                digits.append(s.charAt(i));
            }
        }
        return digits.toString();
    }

    /** Replaces every digit but the last {@code keep} with {@code *}; separators stay where they were. */
    private static String keepLastDigits(String s, int keep) {
        int total = digitsOf(s).length();
        StringBuilder out = new StringBuilder(s.length());
        int seen = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isDigit(c)) {
                seen++;
                out.append(seen > total - keep ? c : '*');
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
