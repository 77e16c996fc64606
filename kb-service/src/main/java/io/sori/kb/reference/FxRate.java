package io.sori.kb.reference;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Won per {@code unit} of a currency (JPY and VND are quoted per 100).
 *
 * @param baseRate 매매기준율, the mid rate
 * @param cashBuy  현찰 살 때: what the customer pays for cash
 * @param cashSell 현찰 팔 때: what the customer gets for cash
 * @param send     송금 보낼 때 (전신환 매도율)
 * @param receive  송금 받을 때 (전신환 매입율)
 */
public record FxRate(
        @NotBlank @Pattern(regexp = "[A-Z]{3}", message = "must be an ISO 4217 code such as USD") String currency,
        @NotBlank @Size(max = 40) String name,
        @NotNull Integer unit,
        @NotNull @DecimalMin(value = "0", inclusive = false) @DecimalMax("100000") @Digits(integer = 6, fraction = 4)
        BigDecimal baseRate,
        @NotNull @DecimalMin(value = "0", inclusive = false) @DecimalMax("100000") @Digits(integer = 6, fraction = 4)
        BigDecimal cashBuy,
        @NotNull @DecimalMin(value = "0", inclusive = false) @DecimalMax("100000") @Digits(integer = 6, fraction = 4)
        BigDecimal cashSell,
        @NotNull @DecimalMin(value = "0", inclusive = false) @DecimalMax("100000") @Digits(integer = 6, fraction = 4)
        BigDecimal send,
        @NotNull @DecimalMin(value = "0", inclusive = false) @DecimalMax("100000") @Digits(integer = 6, fraction = 4)
        BigDecimal receive) {

    /**
     * The currencies the exchange calculator quotes, with their unit and a band for the mid rate in
     * won that no real market has left in decades (wide, so a real crisis still fits; a typo such as
     * USD = 1 or JPY quoted per 1 instead of per 100 does not).
     */
    record Quote(int unit, BigDecimal lowest, BigDecimal highest) {

        static Quote of(int unit, int lowest, int highest) {
            return new Quote(unit, BigDecimal.valueOf(lowest), BigDecimal.valueOf(highest));
        }
    }

    static final Map<String, Quote> QUOTES = Map.ofEntries(
            Map.entry("USD", Quote.of(1, 700, 3000)), Map.entry("EUR", Quote.of(1, 700, 3500)),
            Map.entry("JPY", Quote.of(100, 400, 2500)), Map.entry("CNY", Quote.of(1, 80, 500)),
            Map.entry("GBP", Quote.of(1, 900, 4000)), Map.entry("AUD", Quote.of(1, 400, 2000)),
            Map.entry("CAD", Quote.of(1, 450, 2200)), Map.entry("HKD", Quote.of(1, 80, 400)),
            Map.entry("SGD", Quote.of(1, 450, 2200)), Map.entry("CHF", Quote.of(1, 600, 3500)),
            Map.entry("NZD", Quote.of(1, 350, 1900)), Map.entry("THB", Quote.of(1, 15, 100)),
            Map.entry("VND", Quote.of(100, 2, 15)), Map.entry("TWD", Quote.of(1, 15, 100)),
            Map.entry("PHP", Quote.of(1, 10, 60)), Map.entry("IDR", Quote.of(100, 3, 20)),
            Map.entry("MYR", Quote.of(1, 150, 700)), Map.entry("SEK", Quote.of(1, 60, 300)),
            Map.entry("NOK", Quote.of(1, 60, 300)), Map.entry("DKK", Quote.of(1, 90, 450)),
            Map.entry("INR", Quote.of(1, 8, 40)), Map.entry("MXN", Quote.of(1, 30, 150)));

    /** Buying or selling cash may cost up to this share of the mid rate; a transfer less. */
    private static final BigDecimal CASH_SPREAD = new BigDecimal("0.15");
    private static final BigDecimal TRANSFER_SPREAD = new BigDecimal("0.05");

    /** What is wrong with a rate table beyond each field's own format, as (field, message) pairs. */
    static List<String[]> problems(List<FxRate> rates) {
        List<String[]> problems = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < rates.size(); i++) {
            FxRate rate = rates.get(i);
            String at = "rates[" + i + "]";
            if (rate.currency() != null && !seen.add(rate.currency())) {
                problems.add(new String[] {at + ".currency", "appears twice"});
            }
            Quote quote = rate.currency() == null ? null : QUOTES.get(rate.currency());
            if ("KRW".equals(rate.currency())) {
                problems.add(new String[] {at + ".currency", "rates are quoted in won: KRW itself has none"});
            } else if (rate.currency() != null && quote == null) {
                problems.add(new String[] {at + ".currency", "is not a currency the calculator quotes; one of "
                        + new java.util.TreeSet<>(QUOTES.keySet())});
            }
            if (rate.unit() != null && rate.unit() != 1 && rate.unit() != 100) {
                problems.add(new String[] {at + ".unit", "must be 1 or 100"});
            } else if (quote != null && rate.unit() != null && rate.unit() != quote.unit()) {
                problems.add(new String[] {at + ".unit", rate.currency() + " is quoted per " + quote.unit()});
            }
            if (rate.baseRate() == null || rate.cashBuy() == null || rate.cashSell() == null || rate.send() == null
                    || rate.receive() == null) {
                continue;
            }
            if (quote != null && (rate.baseRate().compareTo(quote.lowest()) < 0
                    || rate.baseRate().compareTo(quote.highest()) > 0)) {
                problems.add(new String[] {at + ".baseRate", "won per " + quote.unit() + " " + rate.currency()
                        + " must be between " + quote.lowest() + " and " + quote.highest()});
                continue;
            }
            if (beyond(rate.cashBuy(), rate.baseRate(), CASH_SPREAD) || beyond(rate.cashSell(), rate.baseRate(), CASH_SPREAD)) {
                problems.add(new String[] {at, "cashBuy and cashSell must be within 15% of baseRate"});
            }
            if (beyond(rate.send(), rate.baseRate(), TRANSFER_SPREAD)
                    || beyond(rate.receive(), rate.baseRate(), TRANSFER_SPREAD)) {
                problems.add(new String[] {at, "send and receive must be within 5% of baseRate"});
            }
            if (rate.cashBuy().compareTo(rate.baseRate()) < 0 || rate.send().compareTo(rate.baseRate()) < 0) {
                problems.add(new String[] {at, "cashBuy and send must not be below baseRate"});
            }
            if (rate.cashSell().compareTo(rate.baseRate()) > 0 || rate.receive().compareTo(rate.baseRate()) > 0) {
                problems.add(new String[] {at, "cashSell and receive must not be above baseRate"});
            }
        }
        return problems;
    }

    private static boolean beyond(BigDecimal rate, BigDecimal base, BigDecimal share) {
        return rate.subtract(base).abs().compareTo(base.multiply(share)) > 0;
    }
}
