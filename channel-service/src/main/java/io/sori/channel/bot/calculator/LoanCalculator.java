package io.sori.channel.bot.calculator;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Monthly repayment schedules of a loan: equal payment (원리금균등), equal principal (원금균등)
 * and interest only with the principal at maturity (만기일시).
 *
 * <p><b>Rounding rules</b> (all in whole won):
 * <ul>
 *   <li>a month's interest is the outstanding balance × R / 1200, truncated (원 미만 절사);</li>
 *   <li>equal payment: the payment P·i·(1+i)<sup>n</sup> / ((1+i)<sup>n</sup> − 1), i = R/1200, computed as
 *       one exact fraction and rounded half up to the won; each month's principal is the payment
 *       minus that month's interest;</li>
 *   <li>equal principal: P / n truncated to the won each month;</li>
 *   <li>the last month repays whatever balance is left, so the principal repaid adds up to the
 *       loan exactly, and its payment is that balance plus its interest.</li>
 * </ul>
 * A rate of 0 is allowed: equal payment is then P / n, rounded half up, and no interest.
 */
public final class LoanCalculator {

    public static final int MAX_MONTHS = 600;
    private static final BigDecimal TWELVE_HUNDRED = BigDecimal.valueOf(1200);

    private LoanCalculator() {
    }

    public enum Method {
        /** 원리금균등: the same payment every month. */
        EQUAL_PAYMENT,
        /** 원금균등: the same principal every month, interest on what is left. */
        EQUAL_PRINCIPAL,
        /** 만기일시: interest only, the whole principal with the last payment. */
        BULLET
    }

    public record Request(BigDecimal principal, BigDecimal annualRatePercent, int months, Method method) {

        public Request {
            Objects.requireNonNull(method, "method");
            if (principal == null || principal.signum() <= 0) {
                throw new IllegalArgumentException("principal must be positive");
            }
            principal = principal.setScale(0, RoundingMode.DOWN);
            if (principal.signum() <= 0) {
                throw new IllegalArgumentException("principal must be at least one won");
            }
            if (months < 1 || months > MAX_MONTHS) {
                throw new IllegalArgumentException("months must be 1 to " + MAX_MONTHS);
            }
            if (annualRatePercent == null || annualRatePercent.signum() < 0
                    || annualRatePercent.compareTo(BigDecimal.valueOf(100)) > 0) {
                throw new IllegalArgumentException("annual rate must be 0 to 100 percent");
            }
        }
    }

    /** One month of the schedule; {@code balance} is what is still owed after this payment. */
    public record Row(int month, BigDecimal payment, BigDecimal principal, BigDecimal interest, BigDecimal balance) {
    }

    public record Schedule(Request request, List<Row> rows, BigDecimal totalPayment, BigDecimal totalInterest) {

        public Schedule {
            rows = List.copyOf(rows);
        }

        public Row first() {
            return rows.get(0);
        }

        public Row last() {
            return rows.get(rows.size() - 1);
        }
    }

    public static Schedule schedule(Request request) {
        BigDecimal rate = request.annualRatePercent();
        int n = request.months();
        BigDecimal balance = request.principal();
        BigDecimal level = switch (request.method()) {
            case EQUAL_PAYMENT -> equalPayment(request.principal(), rate, n);
            case EQUAL_PRINCIPAL -> request.principal().divide(BigDecimal.valueOf(n), 0, RoundingMode.DOWN);
            case BULLET -> BigDecimal.ZERO;
        };
        List<Row> rows = new ArrayList<>(n);
        BigDecimal totalPayment = BigDecimal.ZERO;
        BigDecimal totalInterest = BigDecimal.ZERO;
        for (int month = 1; month <= n; month++) {
            BigDecimal interest = balance.multiply(rate).divide(TWELVE_HUNDRED, 0, RoundingMode.DOWN);
            BigDecimal principal;
            if (month == n) {
                principal = balance;
            } else {
                principal = switch (request.method()) {
                    case EQUAL_PAYMENT -> level.subtract(interest).max(BigDecimal.ZERO).min(balance);
                    case EQUAL_PRINCIPAL -> level.min(balance);
                    case BULLET -> BigDecimal.ZERO;
                };
            }
            BigDecimal payment = principal.add(interest);
            balance = balance.subtract(principal);
            rows.add(new Row(month, payment, principal, interest, balance));
            totalPayment = totalPayment.add(payment);
            totalInterest = totalInterest.add(interest);
        }
        return new Schedule(request, rows, totalPayment, totalInterest);
    }

    /** P·R·(1200+R)^n / (1200·((1200+R)^n − 1200^n)), rounded half up to the won; P/n at rate 0. */
    static BigDecimal equalPayment(BigDecimal principal, BigDecimal rate, int n) {
        if (rate.signum() == 0) {
            return principal.divide(BigDecimal.valueOf(n), 0, RoundingMode.HALF_UP);
        }
        BigDecimal grown = TWELVE_HUNDRED.add(rate).pow(n);
        BigDecimal numerator = principal.multiply(rate).multiply(grown);
        BigDecimal denominator = TWELVE_HUNDRED.multiply(grown.subtract(TWELVE_HUNDRED.pow(n)));
        return numerator.divide(denominator, 0, RoundingMode.HALF_UP);
    }
}
