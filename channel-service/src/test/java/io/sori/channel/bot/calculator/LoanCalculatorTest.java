package io.sori.channel.bot.calculator;

import static org.assertj.core.api.Assertions.assertThat;

import io.sori.channel.bot.calculator.LoanCalculator.Method;
import io.sori.channel.bot.calculator.LoanCalculator.Request;
import io.sori.channel.bot.calculator.LoanCalculator.Row;
import io.sori.channel.bot.calculator.LoanCalculator.Schedule;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class LoanCalculatorTest {

    private static Schedule schedule(long principal, String rate, int months, Method method) {
        return LoanCalculator.schedule(new Request(BigDecimal.valueOf(principal), new BigDecimal(rate), months, method));
    }

    private static void assertRow(Row row, long payment, long principal, long interest, long balance) {
        assertThat(row.payment()).as("payment of month %d", row.month()).isEqualByComparingTo(BigDecimal.valueOf(payment));
        assertThat(row.principal()).as("principal of month %d", row.month()).isEqualByComparingTo(BigDecimal.valueOf(principal));
        assertThat(row.interest()).as("interest of month %d", row.month()).isEqualByComparingTo(BigDecimal.valueOf(interest));
        assertThat(row.balance()).as("balance after month %d", row.month()).isEqualByComparingTo(BigDecimal.valueOf(balance));
    }

    @Test
    void shouldScheduleEqualPaymentsOnAShortLoanByHand() {
        // 1,200,000 at 12% for 3 months: i = 1%; payment = 12,000 × 1.01³ / (1.01³ − 1)
        //   = 12,000 × 1.030301 / 0.030301 = 408,026.53 → 408,027
        // m1: interest 1,200,000 × 1% = 12,000, principal 396,027, balance 803,973
        // m2: interest 8,039.73 → 8,039, principal 399,988, balance 403,985
        // m3: interest 4,039.85 → 4,039, the last month repays the 403,985 left: payment 408,024
        Schedule s = schedule(1_200_000, "12", 3, Method.EQUAL_PAYMENT);
        assertRow(s.rows().get(0), 408_027, 396_027, 12_000, 803_973);
        assertRow(s.rows().get(1), 408_027, 399_988, 8_039, 403_985);
        assertRow(s.rows().get(2), 408_024, 403_985, 4_039, 0);
        assertThat(s.totalInterest()).isEqualByComparingTo("24078");
        assertThat(s.totalPayment()).isEqualByComparingTo("1224078");
    }

    @Test
    void shouldScheduleAThirtyYearMortgageWithEqualPayments() {
        // 100,000,000 at 4.2% for 360 months: i = 0.0035, (1.0035)^360 = 3.51780
        // payment = 350,000 × 3.51780 / 2.51780 = 489,016.9 → 489,017
        // m1: interest 350,000, principal 139,017; m2: interest 99,860,983 × 0.0035 = 349,513.4 → 349,513
        Schedule s = schedule(100_000_000, "4.2", 360, Method.EQUAL_PAYMENT);
        assertThat(s.rows()).hasSize(360);
        assertRow(s.first(), 489_017, 139_017, 350_000, 99_860_983);
        assertRow(s.rows().get(1), 489_017, 139_504, 349_513, 99_721_479);
        // rounding the payment up by 0.1 won a month leaves the last month a little less
        assertRow(s.last(), 488_802, 487_098, 1_704, 0);
        assertThat(s.totalInterest()).isEqualByComparingTo("76045905");
        assertThat(s.totalPayment()).isEqualByComparingTo("176045905");
        assertThat(s.rows().stream().map(Row::principal).reduce(BigDecimal.ZERO, BigDecimal::add))
                .isEqualByComparingTo("100000000");
    }

    @Test
    void shouldScheduleEqualPrincipal() {
        // 12,000,000 at 6% for 12 months: 1,000,000 principal a month; interest 0.5% of the balance:
        // 60,000, 55,000, ... 5,000 → total 5,000 × (12 + 11 + ... + 1) = 5,000 × 78 = 390,000
        Schedule s = schedule(12_000_000, "6", 12, Method.EQUAL_PRINCIPAL);
        assertRow(s.first(), 1_060_000, 1_000_000, 60_000, 11_000_000);
        assertRow(s.rows().get(5), 1_035_000, 1_000_000, 35_000, 6_000_000);
        assertRow(s.last(), 1_005_000, 1_000_000, 5_000, 0);
        assertThat(s.totalInterest()).isEqualByComparingTo("390000");
        assertThat(s.totalPayment()).isEqualByComparingTo("12390000");
    }

    @Test
    void shouldLetTheLastMonthTakeTheWonsLeftOverByEqualPrincipal() {
        // 100,000,000 / 360 = 277,777.7 → 277,777 a month; the last month repays 100,000,000 − 359 × 277,777 = 278,057
        Schedule s = schedule(100_000_000, "4.2", 360, Method.EQUAL_PRINCIPAL);
        assertRow(s.first(), 627_777, 277_777, 350_000, 99_722_223);
        assertThat(s.last().principal()).isEqualByComparingTo("278057");
        assertThat(s.totalInterest()).isEqualByComparingTo("63175000");
    }

    @Test
    void shouldHandleARateOfZero() {
        // 1,000,000 over 3 months without interest: 333,333.33 → 333,333, the last month 333,334
        for (Method method : new Method[] {Method.EQUAL_PAYMENT, Method.EQUAL_PRINCIPAL}) {
            Schedule s = schedule(1_000_000, "0", 3, method);
            assertRow(s.rows().get(0), 333_333, 333_333, 0, 666_667);
            assertRow(s.rows().get(1), 333_333, 333_333, 0, 333_334);
            assertRow(s.rows().get(2), 333_334, 333_334, 0, 0);
            assertThat(s.totalInterest()).isEqualByComparingTo("0");
            assertThat(s.totalPayment()).isEqualByComparingTo("1000000");
        }
    }

    @Test
    void shouldChargeInterestOnlyUntilMaturityForABulletLoan() {
        // 50,000,000 at 5% for 24 months: 50,000,000 × 5% / 12 = 208,333.3 → 208,333 a month
        Schedule s = schedule(50_000_000, "5", 24, Method.BULLET);
        assertRow(s.first(), 208_333, 0, 208_333, 50_000_000);
        assertRow(s.last(), 50_208_333, 50_000_000, 208_333, 0);
        assertThat(s.totalInterest()).isEqualByComparingTo(BigDecimal.valueOf(208_333L * 24));
    }
}
