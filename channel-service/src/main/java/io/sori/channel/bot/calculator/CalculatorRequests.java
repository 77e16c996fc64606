package io.sori.channel.bot.calculator;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads the parameters of a calculator request from Korean text: rates, terms, methods. */
public final class CalculatorRequests {

    private static final Pattern PERCENT = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(?:%|％|퍼센트|프로|퍼)");
    private static final Pattern NAMED_RATE = Pattern.compile(
            "(?:연이율|연리|연 금리|연금리|금리|이율|이자율|연)\\s*(\\d+(?:\\.\\d+)?)(?!\\s*(?:년|개월|달|만|억|천|백|원|살|세|월|일|회|[\\d,]))");
    private static final Pattern YEARS_AND_MONTHS = Pattern.compile("(?<![\\d.])(\\d{1,2})\\s*년\\s*(\\d{1,2})\\s*개월");
    private static final Pattern MONTHS = Pattern.compile("(?<![\\d.])(\\d{1,3})\\s*(?:개월|달(?!러))");
    private static final Pattern YEARS = Pattern.compile("(?<![\\d.])(\\d{1,2}(?:\\.5)?)\\s*년(?!\\s*\\d{1,2}\\s*월)(?!생)");

    private CalculatorRequests() {
    }

    /** The annual rate in percent: "연 3.5%", "4.2%", "금리 4.2", "3.5프로". */
    public static Optional<BigDecimal> annualRatePercent(String text) {
        String s = KoreanAmounts.normalise(text);
        Matcher percent = PERCENT.matcher(s);
        if (percent.find()) {
            return Optional.of(new BigDecimal(percent.group(1)));
        }
        Matcher named = NAMED_RATE.matcher(s);
        if (named.find()) {
            BigDecimal rate = new BigDecimal(named.group(1));
            return rate.compareTo(BigDecimal.valueOf(100)) <= 0 ? Optional.of(rate) : Optional.empty();
        }
        return Optional.empty();
    }

    /** The term in months: "12개월", "30년", "3년 6개월", "2.5년", "18달". */
    public static Optional<Integer> months(String text) {
        String s = KoreanAmounts.normalise(text);
        Matcher both = YEARS_AND_MONTHS.matcher(s);
        if (both.find()) {
            return Optional.of(Integer.parseInt(both.group(1)) * 12 + Integer.parseInt(both.group(2)));
        }
        Matcher months = MONTHS.matcher(s);
        if (months.find()) {
            return Optional.of(Integer.parseInt(months.group(1)));
        }
        Matcher years = YEARS.matcher(s);
        if (years.find()) {
            return Optional.of(new BigDecimal(years.group(1)).multiply(BigDecimal.valueOf(12)).intValueExact());
        }
        return Optional.empty();
    }

    /** The first amount in won (a currency-less amount counts as won). */
    public static Optional<BigDecimal> wonAmount(String text) {
        List<KoreanAmounts.Amount> all = KoreanAmounts.findAll(text);
        return all.stream().filter(a -> a.explicit() && (a.currency() == null || Currencies.KRW.equals(a.currency())))
                .findFirst()
                .or(() -> all.stream().filter(a -> !a.explicit()).findFirst())
                .map(KoreanAmounts.Amount::value);
    }

    /** Text without spaces, NFKC, lower case: for keywords that customers space freely. */
    public static String compact(String text) {
        return KoreanAmounts.normalise(text).replaceAll("\\s+", "");
    }

    static boolean containsAny(String compact, String... words) {
        for (String word : words) {
            if (compact.contains(word)) {
                return true;
            }
        }
        return false;
    }
}
