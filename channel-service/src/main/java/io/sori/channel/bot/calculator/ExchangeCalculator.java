package io.sori.channel.bot.calculator;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Optional;

/**
 * Currency conversion at the published rates (won per unit of a currency; JPY and VND per 100).
 *
 * <ul>
 *   <li>foreign → won: amount × rate / unit at 매매기준율, 현찰 살 때 (what buying that much cash
 *       costs) and 현찰 팔 때 (what selling it brings);</li>
 *   <li>won → foreign: amount × unit / rate at 매매기준율, 현찰 살 때 (the cash the won buy) and
 *       송금 보낼 때 (what the won send abroad);</li>
 *   <li>foreign → foreign: through the won at both currencies' 매매기준율.</li>
 * </ul>
 * <b>Rounding rule:</b> results are truncated: won to the won, other currencies to their
 * smallest unit (cents; whole yen and dong). A bank never pays out more than that.
 */
public final class ExchangeCalculator {

    private ExchangeCalculator() {
    }

    public enum RateKind {
        BASE("매매기준율"), CASH_BUY("현찰 살 때"), CASH_SELL("현찰 팔 때"), SEND("송금 보낼 때");

        private final String label;

        RateKind(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** The result at one kind of rate; {@code rate} is won per {@code unit} (null for a cross rate). */
    public record Quote(RateKind kind, BigDecimal rate, int unit, BigDecimal result) {
    }

    /** {@code quotes} start with the base rate. */
    public record Conversion(BigDecimal amount, String from, String to, List<Quote> quotes) {

        public Quote base() {
            return quotes.get(0);
        }
    }

    /** Empty when a currency has no published rate. */
    public static Optional<Conversion> convert(FxRates rates, BigDecimal amount, String from, String to) {
        if (from.equals(to)) {
            return Optional.empty();
        }
        if (Currencies.KRW.equals(to)) {
            return rates.of(from).map(rate -> new Conversion(amount, from, to, List.of(
                    toWon(amount, rate, RateKind.BASE, rate.baseRate()),
                    toWon(amount, rate, RateKind.CASH_BUY, rate.cashBuy()),
                    toWon(amount, rate, RateKind.CASH_SELL, rate.cashSell()))));
        }
        if (Currencies.KRW.equals(from)) {
            return rates.of(to).map(rate -> new Conversion(amount, from, to, List.of(
                    fromWon(amount, rate, RateKind.BASE, rate.baseRate()),
                    fromWon(amount, rate, RateKind.CASH_BUY, rate.cashBuy()),
                    fromWon(amount, rate, RateKind.SEND, rate.send()))));
        }
        Optional<FxRate> source = rates.of(from);
        Optional<FxRate> target = rates.of(to);
        if (source.isEmpty() || target.isEmpty()) {
            return Optional.empty();
        }
        // amount × base(from)/unit(from) won, divided by base(to)/unit(to): one exact fraction
        BigDecimal numerator = amount.multiply(source.get().baseRate()).multiply(BigDecimal.valueOf(target.get().unit()));
        BigDecimal denominator = BigDecimal.valueOf(source.get().unit()).multiply(target.get().baseRate());
        BigDecimal result = numerator.divide(denominator, Currencies.minorDigits(to), RoundingMode.DOWN);
        return Optional.of(new Conversion(amount, from, to, List.of(new Quote(RateKind.BASE, null, 1, result))));
    }

    private static Quote toWon(BigDecimal amount, FxRate rate, RateKind kind, BigDecimal wonPerUnit) {
        BigDecimal won = amount.multiply(wonPerUnit).divide(BigDecimal.valueOf(rate.unit()), 0, RoundingMode.DOWN);
        return new Quote(kind, wonPerUnit, rate.unit(), won);
    }

    private static Quote fromWon(BigDecimal won, FxRate rate, RateKind kind, BigDecimal wonPerUnit) {
        BigDecimal foreign = won.multiply(BigDecimal.valueOf(rate.unit()))
                .divide(wonPerUnit, Currencies.minorDigits(rate.currency()), RoundingMode.DOWN);
        return new Quote(kind, wonPerUnit, rate.unit(), foreign);
    }
}
