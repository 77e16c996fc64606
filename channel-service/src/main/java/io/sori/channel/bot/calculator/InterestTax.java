package io.sori.channel.bot.calculator;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Korean tax on interest income (일반과세, 15.4% in all), withheld at maturity.
 *
 * <p><b>Rounding rule.</b> Income tax is 14% of the interest; local income tax (지방소득세) is
 * 10% of that income tax (so 1.4% of the interest). Each is truncated to 10 won (10원 미만
 * 절사), as Korean banks withhold them and as the treasury rules for national and local taxes
 * require: a tax below 10 won is not collected. The interest itself is already whole won.
 * Because local tax is taken from the truncated income tax, the total can be 10 won less than
 * 15.4% of the interest truncated once.
 *
 * @param incomeTax 이자소득세 (14%)
 * @param localTax  지방소득세 (10% of the income tax)
 */
public record InterestTax(BigDecimal incomeTax, BigDecimal localTax) {

    public static final BigDecimal INCOME_TAX_PERCENT = BigDecimal.valueOf(14);
    public static final BigDecimal LOCAL_TAX_PERCENT_OF_INCOME_TAX = BigDecimal.TEN;

    public static InterestTax none() {
        return new InterestTax(BigDecimal.ZERO, BigDecimal.ZERO);
    }

    /** The tax withheld on {@code interest} won of pre-tax interest. */
    public static InterestTax on(BigDecimal interest) {
        BigDecimal income = truncateToTenWon(interest.multiply(INCOME_TAX_PERCENT).movePointLeft(2));
        BigDecimal local = truncateToTenWon(income.multiply(LOCAL_TAX_PERCENT_OF_INCOME_TAX).movePointLeft(2));
        return new InterestTax(income, local);
    }

    public BigDecimal total() {
        return incomeTax.add(localTax);
    }

    static BigDecimal truncateToTenWon(BigDecimal amount) {
        return amount.movePointLeft(1).setScale(0, RoundingMode.DOWN).movePointRight(1).setScale(0, RoundingMode.DOWN);
    }
}
