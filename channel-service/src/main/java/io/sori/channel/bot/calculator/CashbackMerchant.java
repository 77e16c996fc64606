package io.sori.channel.bot.calculator;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * A merchant where check-card payments earn cashback.
 *
 * @param category    the label customers use: 편의점, 커피, 배달 ...
 * @param ratePercent cashback as a percentage of the payment
 * @param note        conditions, may be null
 */
public record CashbackMerchant(String name, String category, BigDecimal ratePercent, String note) {

    public CashbackMerchant {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(ratePercent, "ratePercent");
        category = category == null ? "" : category;
    }
}
