package io.sori.channel.bot.calculator;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class InterestTaxTest {

    @Test
    void shouldTruncateIncomeTaxAndLocalTaxEachToTenWon() {
        // 68,250 × 14% = 9,555 → 9,550; 9,550 × 10% = 955 → 950; 10,500 in all
        // (15.4% truncated once would be 10,510: local tax comes from the truncated income tax)
        InterestTax tax = InterestTax.on(new BigDecimal("68250"));
        assertThat(tax.incomeTax()).isEqualByComparingTo("9550");
        assertThat(tax.localTax()).isEqualByComparingTo("950");
        assertThat(tax.total()).isEqualByComparingTo("10500");
    }

    @Test
    void shouldCollectNothingBelowTenWon() {
        // 60 × 14% = 8.4 → 0: a tax below 10 won is not collected
        assertThat(InterestTax.on(new BigDecimal("60")).total()).isEqualByComparingTo("0");
        // 100 × 14% = 14 → 10; 10 × 10% = 1 → 0
        InterestTax small = InterestTax.on(new BigDecimal("100"));
        assertThat(small.incomeTax()).isEqualByComparingTo("10");
        assertThat(small.localTax()).isEqualByComparingTo("0");
    }
}
