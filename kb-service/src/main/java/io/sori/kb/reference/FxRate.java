package io.sori.kb.reference;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Won per {@code unit} of a currency (JPY and VND are quoted per 100).
 *
 * @param baseRate 매매기준율, the mid rate
 * @param cashBuy  현찰 살 때: what the customer pays for cash
 * @param cashSell 현찰 팔 때: what the customer gets for cash
 * @param send     송금 보낼 때 (전신환 매도율)
 * @param receive  송금 받을 때 (전신환 매입율)
 */
public record FxRate(
        @NotBlank @Pattern(regexp = "[A-Z]{3}", message = "must be an ISO 4217 code such as USD") String currency,
        @NotBlank @Size(max = 40) String name,
        @NotNull Integer unit,
        @NotNull @DecimalMin(value = "0", inclusive = false) @DecimalMax("100000") @Digits(integer = 6, fraction = 4)
        BigDecimal baseRate,
        @NotNull @DecimalMin(value = "0", inclusive = false) @DecimalMax("100000") @Digits(integer = 6, fraction = 4)
        BigDecimal cashBuy,
        @NotNull @DecimalMin(value = "0", inclusive = false) @DecimalMax("100000") @Digits(integer = 6, fraction = 4)
        BigDecimal cashSell,
        @NotNull @DecimalMin(value = "0", inclusive = false) @DecimalMax("100000") @Digits(integer = 6, fraction = 4)
        BigDecimal send,
        @NotNull @DecimalMin(value = "0", inclusive = false) @DecimalMax("100000") @Digits(integer = 6, fraction = 4)
        BigDecimal receive) {

    /** What is wrong with a rate table beyond each field's own format, as (field, message) pairs. */
    static List<String[]> problems(List<FxRate> rates) {
        List<String[]> problems = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < rates.size(); i++) {
            FxRate rate = rates.get(i);
            String at = "rates[" + i + "]";
            if (rate.currency() != null && !seen.add(rate.currency())) {
                problems.add(new String[] {at + ".currency", "appears twice"});
            }
            if ("KRW".equals(rate.currency())) {
                problems.add(new String[] {at + ".currency", "rates are quoted in won: KRW itself has none"});
            }
            if (rate.unit() != null && rate.unit() != 1 && rate.unit() != 100) {
                problems.add(new String[] {at + ".unit", "must be 1 or 100"});
            }
            if (rate.baseRate() == null || rate.cashBuy() == null || rate.cashSell() == null || rate.send() == null
                    || rate.receive() == null) {
                continue;
            }
            if (rate.cashBuy().compareTo(rate.baseRate()) < 0 || rate.send().compareTo(rate.baseRate()) < 0) {
                problems.add(new String[] {at, "cashBuy and send must not be below baseRate"});
            }
            if (rate.cashSell().compareTo(rate.baseRate()) > 0 || rate.receive().compareTo(rate.baseRate()) > 0) {
                problems.add(new String[] {at, "cashSell and receive must not be above baseRate"});
            }
        }
        return problems;
    }
}
