package io.sori.channel.bot.calculator;

import java.util.ArrayList;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Currencies by the words Korean customers use for them, and how their amounts are shown. */
public final class Currencies {

    public static final String KRW = "KRW";

    /** Words after a number ("100달러", "1만엔", "50만원"); longer words first. */
    private static final Map<String, String> SUFFIXES = new LinkedHashMap<>();
    /** Words that name a currency anywhere in a sentence ("엔화로", "달러 환율"); longer words first. */
    private static final Map<String, String> NAMES = new LinkedHashMap<>();
    /** The short Korean unit shown after an amount. */
    private static final Map<String, String> UNIT_WORDS = Map.ofEntries(
            Map.entry("KRW", "원"), Map.entry("USD", "달러"), Map.entry("JPY", "엔"), Map.entry("EUR", "유로"),
            Map.entry("CNY", "위안"), Map.entry("GBP", "파운드"), Map.entry("AUD", "호주 달러"),
            Map.entry("CAD", "캐나다 달러"), Map.entry("HKD", "홍콩 달러"), Map.entry("SGD", "싱가포르 달러"),
            Map.entry("CHF", "스위스 프랑"), Map.entry("NZD", "뉴질랜드 달러"), Map.entry("THB", "바트"),
            Map.entry("VND", "동"), Map.entry("TWD", "대만 달러"), Map.entry("PHP", "페소"));

    static {
        for (String[] country : new String[][] {{"호주", "AUD"}, {"캐나다", "CAD"}, {"홍콩", "HKD"}, {"싱가포르", "SGD"},
                {"싱가폴", "SGD"}, {"뉴질랜드", "NZD"}, {"대만", "TWD"}, {"미국", "USD"}, {"미", "USD"}}) {
            SUFFIXES.put(country[0] + " 달러", country[1]);
            SUFFIXES.put(country[0] + "달러", country[1]);
            NAMES.put(country[0] + " 달러", country[1]);
            NAMES.put(country[0] + "달러", country[1]);
        }
        String[][] common = {
                {"원화", "KRW"}, {"krw", "KRW"}, {"달러", "USD"}, {"usd", "USD"}, {"엔화", "JPY"}, {"jpy", "JPY"},
                {"유로화", "EUR"}, {"유로", "EUR"}, {"eur", "EUR"}, {"위안화", "CNY"}, {"위안", "CNY"}, {"cny", "CNY"},
                {"rmb", "CNY"}, {"파운드", "GBP"}, {"gbp", "GBP"}, {"스위스 프랑", "CHF"}, {"프랑", "CHF"}, {"chf", "CHF"},
                {"태국 바트", "THB"}, {"바트", "THB"}, {"thb", "THB"}, {"베트남 동", "VND"}, {"베트남동", "VND"}, {"vnd", "VND"},
                {"필리핀 페소", "PHP"}, {"페소", "PHP"}, {"php", "PHP"}, {"aud", "AUD"},
                {"cad", "CAD"}, {"hkd", "HKD"}, {"sgd", "SGD"}, {"nzd", "NZD"}, {"twd", "TWD"}};
        for (String[] entry : common) {
            SUFFIXES.put(entry[0], entry[1]);
            NAMES.put(entry[0], entry[1]);
        }
        // only right after a number: on their own these are ordinary words or syllables
        SUFFIXES.put("엔", "JPY");
        SUFFIXES.put("불", "USD");
        SUFFIXES.put("동", "VND");
        SUFFIXES.put("원", "KRW");
    }

    /** A currency word, not inside another word, followed by 으로/로: "엔화로", "원화로", "미국 달러로". */
    private static final Pattern TARGET = targetPattern();

    private static Pattern targetPattern() {
        List<String> words = new ArrayList<>(NAMES.keySet());
        words.addAll(List.of("원", "엔", "동", "불"));
        words.sort((a, b) -> b.length() - a.length());
        StringBuilder alternatives = new StringBuilder();
        for (String word : words) {
            alternatives.append(alternatives.length() == 0 ? "" : "|").append(Pattern.quote(word));
        }
        return Pattern.compile("(?<![가-힣a-z])(" + alternatives + ")\\s*(?:으로|로)");
    }

    private Currencies() {
    }

    record Match(String code, int length) {
    }

    /** A currency word starting at {@code pos} right after a number. */
    static Match suffixAt(String s, int pos) {
        for (Map.Entry<String, String> entry : SUFFIXES.entrySet()) {
            if (s.startsWith(entry.getKey(), pos)) {
                String word = entry.getKey();
                // "원리금", "동안", "불가": the syllable starts another word
                if (("원".equals(word) && s.startsWith("원리", pos)) || ("동".equals(word) && s.startsWith("동안", pos))
                        || ("불".equals(word) && (s.startsWith("불가", pos) || s.startsWith("불편", pos)))) {
                    continue;
                }
                return new Match(entry.getValue(), word.length());
            }
        }
        return null;
    }

    /** A currency sign or code written before the number ("$100", "usd 100"), or null. */
    static String prefixBefore(String s, int start) {
        int i = start - 1;
        while (i >= 0 && s.charAt(i) == ' ') {
            i--;
        }
        if (i < 0) {
            return null;
        }
        return switch (s.charAt(i)) {
            case '$' -> "USD";
            case '€' -> "EUR";
            case '£' -> "GBP";
            case '¥' -> "JPY";
            case '₩' -> KRW;
            default -> {
                for (String code : List.of("usd", "eur", "jpy", "cny", "gbp", "krw")) {
                    if (i + 1 >= code.length() && s.startsWith(code, i + 1 - code.length())) {
                        yield code.toUpperCase(java.util.Locale.ROOT);
                    }
                }
                yield null;
            }
        };
    }

    /** The currency the customer wants to convert into: "엔화로", "원화로", "달러로 바꾸면". */
    public static Optional<String> target(String text) {
        Matcher m = TARGET.matcher(KoreanAmounts.normalise(text));
        String found = null;
        while (m.find()) {
            String word = m.group(1);
            found = NAMES.getOrDefault(word, SUFFIXES.get(word));
        }
        return Optional.ofNullable(found);
    }

    /** Every currency named in the text, in order, without repeats (KRW included). */
    public static List<String> mentioned(String text) {
        String s = KoreanAmounts.normalise(text);
        List<String> codes = new ArrayList<>();
        for (int i = 0; i < s.length(); i++) {
            for (Map.Entry<String, String> entry : NAMES.entrySet()) {
                if (s.startsWith(entry.getKey(), i)) {
                    if (!codes.contains(entry.getValue())) {
                        codes.add(entry.getValue());
                    }
                    i += entry.getKey().length() - 1;
                    break;
                }
            }
        }
        for (KoreanAmounts.Amount amount : KoreanAmounts.findAll(s)) {
            if (amount.currency() != null && !codes.contains(amount.currency())) {
                codes.add(amount.currency());
            }
        }
        return codes;
    }

    /** Digits after the decimal point of the currency's smallest coin or note (KRW, JPY, VND: 0). */
    public static int minorDigits(String code) {
        try {
            return Math.max(0, Currency.getInstance(code).getDefaultFractionDigits());
        } catch (IllegalArgumentException unknown) {
            return 2;
        }
    }

    /** "달러", "엔", "호주 달러" ...; the code itself for currencies without a Korean word here. */
    public static String unitWord(String code) {
        return UNIT_WORDS.getOrDefault(code, code);
    }
}
