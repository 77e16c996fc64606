package io.sori.channel.bot.calculator;

import java.util.List;

/** One published version of the cashback merchant list. */
public record CashbackMerchants(int version, List<CashbackMerchant> merchants) {

    public CashbackMerchants {
        merchants = merchants == null ? List.of() : List.copyOf(merchants);
    }
}
