package io.sori.channel.bot.calculator;

import static org.assertj.core.api.Assertions.assertThat;

import io.sori.channel.bot.calculator.ExchangeCalculator.Conversion;
import io.sori.channel.bot.calculator.ExchangeCalculator.RateKind;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class ExchangeCalculatorTest {

    private final FxRates rates = ReferenceFixtures.rates();

    private Conversion convert(String amount, String from, String to) {
        return ExchangeCalculator.convert(rates, new BigDecimal(amount), from, to).orElseThrow();
    }

    @Test
    void shouldConvertDollarsToWonAtEachRate() {
        // 100 × 1,390.50 = 139,050; 100 × 1,414.83 = 141,483; 100 × 1,366.17 = 136,617
        Conversion c = convert("100", "USD", "KRW");
        assertThat(c.quotes()).extracting(ExchangeCalculator.Quote::kind)
                .containsExactly(RateKind.BASE, RateKind.CASH_BUY, RateKind.CASH_SELL);
        assertThat(c.quotes()).extracting(ExchangeCalculator.Quote::result).usingElementComparator(BigDecimal::compareTo)
                .containsExactly(new BigDecimal("139050"), new BigDecimal("141483"), new BigDecimal("136617"));
    }

    @Test
    void shouldConvertWonToYenQuotedPerHundred() {
        // 500,000 × 100 / 935.20 = 53,464.49 → 53,464 yen; / 951.57 → 52,544.7 → 52,544; / 944.55 → 52,935.2 → 52,935
        Conversion c = convert("500000", "KRW", "JPY");
        assertThat(c.quotes()).extracting(ExchangeCalculator.Quote::kind)
                .containsExactly(RateKind.BASE, RateKind.CASH_BUY, RateKind.SEND);
        assertThat(c.quotes()).extracting(ExchangeCalculator.Quote::result).usingElementComparator(BigDecimal::compareTo)
                .containsExactly(new BigDecimal("53464"), new BigDecimal("52544"), new BigDecimal("52935"));
        assertThat(c.base().unit()).isEqualTo(100);
    }

    @Test
    void shouldTruncateDollarsToTheCent() {
        // 1,000,000 / 1,390.50 = 719.1657 → 719.16; / 1,414.83 = 706.799 → 706.79
        Conversion c = convert("1000000", "KRW", "USD");
        assertThat(c.base().result()).isEqualByComparingTo("719.16");
        assertThat(c.quotes().get(1).result()).isEqualByComparingTo("706.79");
    }

    @Test
    void shouldConvertYenAndEuroToWon() {
        // 10,000 yen × 935.20 / 100 = 93,520; 300 euro × 1,615.30 = 484,590
        assertThat(convert("10000", "JPY", "KRW").base().result()).isEqualByComparingTo("93520");
        assertThat(convert("300", "EUR", "KRW").base().result()).isEqualByComparingTo("484590");
    }

    @Test
    void shouldCrossTwoForeignCurrenciesThroughTheWon() {
        // 100 USD = 139,050 won = 139,050 / 9.352 yen = 14,868.47 → 14,868 yen
        Conversion c = convert("100", "USD", "JPY");
        assertThat(c.quotes()).hasSize(1);
        assertThat(c.base().result()).isEqualByComparingTo("14868");
    }

    @Test
    void shouldFindNothingForACurrencyWithoutARate() {
        assertThat(ExchangeCalculator.convert(rates, BigDecimal.TEN, "GBP", "KRW")).isEmpty();
        assertThat(ExchangeCalculator.convert(rates, BigDecimal.TEN, "KRW", "KRW")).isEmpty();
    }
}
