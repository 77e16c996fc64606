package io.sori.channel.bot.calculator;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;

/**
 * Maturity of a time deposit (정기예금: one lump sum) or an installment savings account
 * (정기적금: the same amount every month), with simple (단리) or monthly compound (월복리)
 * interest, before and after the 15.4% tax on interest ({@link InterestTax}).
 *
 * <p><b>Arithmetic.</b> With the annual rate R% the monthly factor is (1200 + R) / 1200, a
 * fraction of two finite decimals; every formula below is kept as one exact fraction and
 * divided once, so nothing is lost along the way.
 * <ul>
 *   <li>deposit, simple: P × R/100 × n/12</li>
 *   <li>deposit, monthly compound: P × ((1 + R/1200)<sup>n</sup> − 1)</li>
 *   <li>installment, simple: each payment earns for the months it is held, n, n−1, ... 1:
 *       M × R/1200 × n(n+1)/2</li>
 *   <li>installment, monthly compound: M × Σ<sub>k=1..n</sub> ((1 + R/1200)<sup>k</sup> − 1)</li>
 * </ul>
 * <b>Rounding rule:</b> the pre-tax interest is truncated to the won (원 미만 절사), then the
 * tax is truncated to 10 won as {@link InterestTax} states; the maturity amount is principal
 * plus after-tax interest.
 */
public final class SavingsCalculator {

    public static final int MAX_MONTHS = 600;
    private static final BigDecimal TWELVE_HUNDRED = BigDecimal.valueOf(1200);

    private SavingsCalculator() {
    }

    public enum Product {
        /** 정기예금: one lump sum for the whole term. */
        DEPOSIT,
        /** 정기적금: the same amount at the start of every month. */
        INSTALLMENT
    }

    public enum Interest {
        /** 단리 */
        SIMPLE,
        /** 월복리 */
        MONTHLY_COMPOUND
    }

    /**
     * @param amount            the lump sum (deposit) or the monthly payment (installment), in won
     * @param annualRatePercent e.g. 3.5 for 3.5% a year
     * @param taxFree           비과세: no tax withheld
     */
    public record Request(Product product, BigDecimal amount, int months, BigDecimal annualRatePercent,
            Interest interest, boolean taxFree) {

        public Request {
            Objects.requireNonNull(product, "product");
            Objects.requireNonNull(interest, "interest");
            if (amount == null || amount.signum() <= 0) {
                throw new IllegalArgumentException("amount must be positive");
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

    /**
     * @param principal       what the customer pays in: the lump sum, or the monthly payment × months
     * @param preTaxInterest  whole won
     * @param maturityAmount  principal + after-tax interest
     */
    public record Result(Request request, BigDecimal principal, BigDecimal preTaxInterest, InterestTax tax,
            BigDecimal afterTaxInterest, BigDecimal maturityAmount) {
    }

    public static Result calculate(Request request) {
        BigDecimal amount = request.amount();
        int n = request.months();
        BigDecimal rate = request.annualRatePercent();
        BigDecimal principal = request.product() == Product.DEPOSIT ? amount : amount.multiply(BigDecimal.valueOf(n));

        BigDecimal numerator;
        BigDecimal denominator;
        if (request.interest() == Interest.SIMPLE) {
            if (request.product() == Product.DEPOSIT) {
                numerator = amount.multiply(rate).multiply(BigDecimal.valueOf(n));
                denominator = TWELVE_HUNDRED;
            } else {
                numerator = amount.multiply(rate).multiply(BigDecimal.valueOf((long) n * (n + 1)));
                denominator = BigDecimal.valueOf(2400);
            }
        } else {
            BigDecimal factor = TWELVE_HUNDRED.add(rate); // the monthly factor is factor / 1200
            denominator = TWELVE_HUNDRED.pow(n);
            if (request.product() == Product.DEPOSIT) {
                numerator = amount.multiply(factor.pow(n).subtract(denominator));
            } else {
                // Σ_{k=1..n} factor^k × 1200^(n-k), minus n × 1200^n; the sum by Horner's rule
                BigDecimal sum = BigDecimal.ZERO;
                BigDecimal power = BigDecimal.ONE;
                for (int k = 1; k <= n; k++) {
                    power = power.multiply(factor);
                    sum = sum.multiply(TWELVE_HUNDRED).add(power);
                }
                numerator = amount.multiply(sum.subtract(denominator.multiply(BigDecimal.valueOf(n))));
            }
        }
        BigDecimal interest = numerator.divide(denominator, 0, RoundingMode.DOWN);
        InterestTax tax = request.taxFree() ? InterestTax.none() : InterestTax.on(interest);
        BigDecimal afterTax = interest.subtract(tax.total());
        return new Result(request, principal.setScale(0, RoundingMode.DOWN), interest, tax, afterTax,
                principal.setScale(0, RoundingMode.DOWN).add(afterTax));
    }
}
