package io.sori.channel.bot.calculator;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** Rates and merchants as kb-service publishes them by default (its reference-data.yml, version 1). */
public final class ReferenceFixtures {

    private ReferenceFixtures() {
    }

    public static final Instant PUBLISHED = Instant.parse("2026-11-24T00:00:00Z"); // 09:00 in Seoul

    public static FxRates rates() {
        return new FxRates(1, PUBLISHED, List.of(
                rate("USD", "미국 달러", 1, "1390.50", "1414.83", "1366.17", "1404.41", "1376.60"),
                rate("JPY", "일본 엔", 100, "935.20", "951.57", "918.83", "944.55", "925.85"),
                rate("EUR", "유로", 1, "1615.30", "1647.44", "1583.16", "1631.45", "1599.15"),
                rate("CNY", "중국 위안", 1, "195.40", "205.17", "185.63", "197.35", "193.45"),
                rate("VND", "베트남 동", 100, "5.48", "6.03", "4.93", "5.59", "5.37")));
    }

    public static CashbackMerchants merchants() {
        return new CashbackMerchants(1, List.of(
                merchant("하루24 편의점", "편의점", "5", "월 최대 5천원"),
                merchant("모퉁이마트", "편의점", "5", null),
                merchant("스타 커피", "커피", "10", "앱 주문 포함"),
                merchant("달빛다방", "커피", "10", null),
                merchant("커피한잔", "커피", "7", null),
                merchant("한끼배달", "배달", "3", "배달비 제외")));
    }

    static FxRate rate(String code, String name, int unit, String base, String cashBuy, String cashSell, String send,
            String receive) {
        return new FxRate(code, name, unit, new BigDecimal(base), new BigDecimal(cashBuy), new BigDecimal(cashSell),
                new BigDecimal(send), new BigDecimal(receive));
    }

    static CashbackMerchant merchant(String name, String category, String rate, String note) {
        return new CashbackMerchant(name, category, new BigDecimal(rate), note);
    }
}
