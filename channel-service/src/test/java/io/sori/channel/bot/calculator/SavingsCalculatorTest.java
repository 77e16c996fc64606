package io.sori.channel.bot.calculator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sori.channel.bot.calculator.SavingsCalculator.Interest;
import io.sori.channel.bot.calculator.SavingsCalculator.Product;
import io.sori.channel.bot.calculator.SavingsCalculator.Request;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class SavingsCalculatorTest {

    private static SavingsCalculator.Result calc(Product product, long amount, int months, String rate, Interest interest) {
        return SavingsCalculator.calculate(new Request(product, BigDecimal.valueOf(amount), months, new BigDecimal(rate),
                interest, false));
    }

    @Test
    void shouldComputeAnInstallmentSavingsWithSimpleInterest() {
        // 300,000 a month, 12 months, 3.5%: the payments earn for 12, 11, ... 1 months = 78 payment-months
        // interest = 300,000 × 0.035 / 12 × 78 = 875 × 78 = 68,250
        // tax: 68,250 × 14% = 9,555 → 9,550; 9,550 × 10% = 955 → 950; after tax 57,750
        SavingsCalculator.Result r = calc(Product.INSTALLMENT, 300_000, 12, "3.5", Interest.SIMPLE);
        assertThat(r.principal()).isEqualByComparingTo("3600000");
        assertThat(r.preTaxInterest()).isEqualByComparingTo("68250");
        assertThat(r.tax().total()).isEqualByComparingTo("10500");
        assertThat(r.afterTaxInterest()).isEqualByComparingTo("57750");
        assertThat(r.maturityAmount()).isEqualByComparingTo("3657750");
    }

    @Test
    void shouldComputeAnInstallmentSavingsWithMonthlyCompoundInterest() {
        // i = 0.035/12 = 0.00291667; (1+i)^12 = 1.0355667
        // Σ_{k=1..12} ((1+i)^k − 1) = (1+i)((1+i)^12 − 1)/i − 12 = 1.0029167 × 12.194288 − 12 = 0.229952
        // interest = 300,000 × 0.229952 = 68,985.6 → 68,985 (truncated to the won)
        // tax: 9,657.9 → 9,650; 965 → 960; after tax 58,375; maturity 3,658,375
        SavingsCalculator.Result r = calc(Product.INSTALLMENT, 300_000, 12, "3.5", Interest.MONTHLY_COMPOUND);
        assertThat(r.preTaxInterest()).isEqualByComparingTo("68985");
        assertThat(r.tax().incomeTax()).isEqualByComparingTo("9650");
        assertThat(r.tax().localTax()).isEqualByComparingTo("960");
        assertThat(r.afterTaxInterest()).isEqualByComparingTo("58375");
        assertThat(r.maturityAmount()).isEqualByComparingTo("3658375");
    }

    @Test
    void shouldComputeADepositWithSimpleInterest() {
        // 10,000,000 × 4% × 12/12 = 400,000; tax 56,000 + 5,600 = 61,600
        SavingsCalculator.Result r = calc(Product.DEPOSIT, 10_000_000, 12, "4", Interest.SIMPLE);
        assertThat(r.principal()).isEqualByComparingTo("10000000");
        assertThat(r.preTaxInterest()).isEqualByComparingTo("400000");
        assertThat(r.tax().total()).isEqualByComparingTo("61600");
        assertThat(r.maturityAmount()).isEqualByComparingTo("10338400");
    }

    @Test
    void shouldComputeADepositWithMonthlyCompoundInterest() {
        // (1 + 0.04/12)^12 − 1 = 1.00333333^12 − 1 = 0.0407415429 → 10,000,000 × that = 407,415.43 → 407,415
        // tax: 57,038.1 → 57,030; 5,703 → 5,700; after tax 344,685
        SavingsCalculator.Result r = calc(Product.DEPOSIT, 10_000_000, 12, "4", Interest.MONTHLY_COMPOUND);
        assertThat(r.preTaxInterest()).isEqualByComparingTo("407415");
        assertThat(r.tax().total()).isEqualByComparingTo("62730");
        assertThat(r.maturityAmount()).isEqualByComparingTo("10344685");
    }

    @Test
    void shouldWithholdNothingWhenTaxFree() {
        SavingsCalculator.Result r = SavingsCalculator.calculate(new Request(Product.DEPOSIT, BigDecimal.valueOf(10_000_000),
                12, new BigDecimal("4"), Interest.SIMPLE, true));
        assertThat(r.tax().total()).isEqualByComparingTo("0");
        assertThat(r.maturityAmount()).isEqualByComparingTo("10400000");
    }

    @Test
    void shouldAgreeAcrossMethodsForOneMonth() {
        // one month: every method earns 1,000,000 × 6% / 12 = 5,000
        for (Product product : Product.values()) {
            for (Interest interest : Interest.values()) {
                assertThat(calc(product, 1_000_000, 1, "6", interest).preTaxInterest()).as("%s %s", product, interest)
                        .isEqualByComparingTo("5000");
            }
        }
    }

    @Test
    void shouldCompoundFiftyYearsOfInstallmentsExactly() {
        // 600 months of 100,000 at 0% would be 60,000,000; at 2.4% monthly compound it is far more, and more than simple
        SavingsCalculator.Result compound = calc(Product.INSTALLMENT, 100_000, 600, "2.4", Interest.MONTHLY_COMPOUND);
        SavingsCalculator.Result simple = calc(Product.INSTALLMENT, 100_000, 600, "2.4", Interest.SIMPLE);
        // simple: 100,000 × 2.4 × 600 × 601 / 2,400 = 36,060,000
        assertThat(simple.preTaxInterest()).isEqualByComparingTo("36060000");
        // compound: i = 0.002, (1.002)^600 = 3.3162; 1.002 × 2.3162 / 0.002 − 600 = 560.39 → ≈ 56,039,000;
        // the exact fraction gives 56,038,637.x
        assertThat(compound.preTaxInterest()).isEqualByComparingTo("56038637");
        assertThat(compound.principal()).isEqualByComparingTo("60000000");
    }

    @Test
    void shouldPayNoInterestAtRateZeroAndRefuseNonsense() {
        assertThat(calc(Product.INSTALLMENT, 100_000, 24, "0", Interest.MONTHLY_COMPOUND).maturityAmount())
                .isEqualByComparingTo("2400000");
        assertThatThrownBy(() -> calc(Product.DEPOSIT, 0, 12, "3", Interest.SIMPLE))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> calc(Product.DEPOSIT, 1_000, 0, "3", Interest.SIMPLE))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> calc(Product.DEPOSIT, 1_000, 12, "-1", Interest.SIMPLE))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
