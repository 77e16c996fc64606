package io.sori.channel.bot.calculator;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * Won per {@code unit} of a currency, as kb-service publishes them (JPY and VND per 100).
 *
 * @param baseRate 매매기준율, the mid rate
 * @param cashBuy  현찰 살 때: what the customer pays for foreign cash
 * @param cashSell 현찰 팔 때: what the customer gets for foreign cash
 * @param send     송금 보낼 때
 * @param receive  송금 받을 때
 */
public record FxRate(String currency, String name, int unit, BigDecimal baseRate, BigDecimal cashBuy,
        BigDecimal cashSell, BigDecimal send, BigDecimal receive) {

    public FxRate {
        Objects.requireNonNull(currency, "currency");
        Objects.requireNonNull(baseRate, "baseRate");
        if (unit <= 0) {
            throw new IllegalArgumentException("unit must be positive");
        }
        if (baseRate.signum() <= 0) {
            throw new IllegalArgumentException("baseRate must be positive");
        }
        // a rate that is missing or not positive is quoted at the base rate
        cashBuy = usable(cashBuy) ? cashBuy : baseRate;
        cashSell = usable(cashSell) ? cashSell : baseRate;
        send = usable(send) ? send : baseRate;
        receive = usable(receive) ? receive : baseRate;
    }

    private static boolean usable(BigDecimal rate) {
        return rate != null && rate.signum() > 0;
    }
}
