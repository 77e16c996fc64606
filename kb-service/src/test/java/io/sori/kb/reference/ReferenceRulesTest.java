package io.sori.kb.reference;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

class ReferenceRulesTest {

    private static FxRate usd(String base, String cashBuy, String cashSell, String send, String receive) {
        return new FxRate("USD", "미국 달러", 1, new BigDecimal(base), new BigDecimal(cashBuy), new BigDecimal(cashSell),
                new BigDecimal(send), new BigDecimal(receive));
    }

    @Test
    void shouldAcceptTheDefaults() {
        @SuppressWarnings("unchecked")
        Map<String, Object> defaults = (Map<String, Object>) new Yaml(new SafeConstructor(new LoaderOptions()))
                .load(getClass().getClassLoader().getResourceAsStream(ReferenceDataService.DEFAULTS));

        List<FxRate> rates = ReferenceDataService.fxRates(defaults);
        List<CashbackMerchant> merchants = ReferenceDataService.merchants(defaults);

        assertThat(rates).extracting(FxRate::currency).contains("USD", "JPY", "EUR", "CNY", "GBP");
        assertThat(rates).filteredOn(r -> r.currency().equals("JPY")).singleElement()
                .extracting(FxRate::unit).isEqualTo(100);
        assertThat(FxRate.problems(rates)).isEmpty();
        assertThat(merchants).hasSizeGreaterThanOrEqualTo(24);
        assertThat(CashbackMerchant.problems(merchants)).isEmpty();
    }

    @Test
    void shouldRefuseRatesOnTheWrongSideOfTheBaseRate() {
        assertThat(FxRate.problems(List.of(usd("1390", "1380", "1370", "1400", "1380"))))
                .extracting(p -> p[0]).containsExactly("rates[0]");
        assertThat(FxRate.problems(List.of(usd("1390", "1400", "1395", "1400", "1380"))))
                .extracting(p -> p[0]).containsExactly("rates[0]");
    }

    @Test
    void shouldRefuseRatesNoMarketHasSeenUnknownCurrenciesAndWrongUnits() {
        BigDecimal one = BigDecimal.ONE;
        assertThat(FxRate.problems(List.of(new FxRate("USD", "미국 달러", 1, one, one, one, one, one))))
                .extracting(p -> p[0] + ": " + p[1]).containsExactly("rates[0].baseRate: won per 1 USD must be between 700 and 3000");
        assertThat(FxRate.problems(List.of(new FxRate("JPY", "일본 엔", 1, new BigDecimal("9.35"),
                new BigDecimal("9.5"), new BigDecimal("9.2"), new BigDecimal("9.4"), new BigDecimal("9.3")))))
                .extracting(p -> p[0]).contains("rates[0].unit");
        assertThat(FxRate.problems(List.of(new FxRate("XAU", "금", 1, one, one, one, one, one))))
                .extracting(p -> p[0]).containsExactly("rates[0].currency");
        assertThat(FxRate.problems(List.of(usd("1390", "1700", "1366", "1404", "1376"))))
                .extracting(p -> p[1]).containsExactly("cashBuy and cashSell must be within 15% of baseRate");
        assertThat(FxRate.problems(List.of(usd("1390", "1414", "1366", "1500", "1376"))))
                .extracting(p -> p[1]).containsExactly("send and receive must be within 5% of baseRate");
    }

    @Test
    void shouldRefuseRepeatedCurrenciesAndOddUnits() {
        FxRate ok = usd("1390", "1414", "1366", "1404", "1376");
        FxRate krw = new FxRate("KRW", "원", 1000, BigDecimal.ONE, BigDecimal.ONE, BigDecimal.ONE, BigDecimal.ONE,
                BigDecimal.ONE);

        assertThat(FxRate.problems(List.of(ok, ok, krw))).extracting(p -> p[0])
                .containsExactly("rates[1].currency", "rates[2].currency", "rates[2].unit");
    }

    @Test
    void shouldFindMerchantsByPartOfTheNameOrByCategoryIgnoringSpacesAndCase() {
        CashbackMerchant coffee = new CashbackMerchant("스타 커피", "커피", new BigDecimal("10"), null);

        assertThat(coffee.matches("스타커피")).isTrue();
        assertThat(coffee.matches("스타")).isTrue();
        assertThat(coffee.matches("커피")).isTrue();
        assertThat(coffee.matches("편의점")).isFalse();
        assertThat(CashbackMerchant.problems(List.of(coffee, new CashbackMerchant("스타커피", "커피", BigDecimal.ONE, null))))
                .extracting(p -> p[0]).containsExactly("merchants[1].name");
    }
}
