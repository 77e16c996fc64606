package io.sori.kb.reference;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A merchant where Sori check-card payments earn cashback.
 *
 * @param category    a label customers use: 편의점, 커피, 배달, 대중교통 ...
 * @param ratePercent cashback as a percentage of the payment
 */
public record CashbackMerchant(
        @NotBlank @Size(max = 60) String name,
        @NotBlank @Size(max = 20) String category,
        @NotNull @DecimalMin(value = "0", inclusive = false) @DecimalMax("50") @Digits(integer = 2, fraction = 2)
        BigDecimal ratePercent,
        @Size(max = 200) String note) {

    /** Whether a lookup such as "스타커피" or "커피" finds this merchant (case, spaces and width ignored). */
    public boolean matches(String query) {
        String wanted = folded(query);
        return !wanted.isEmpty() && (folded(name).contains(wanted) || folded(category).equals(wanted));
    }

    static String folded(String text) {
        return text == null ? "" : Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT)
                .replaceAll("\\s+", "");
    }

    static List<String[]> problems(List<CashbackMerchant> merchants) {
        List<String[]> problems = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < merchants.size(); i++) {
            String name = merchants.get(i).name();
            if (name != null && !seen.add(folded(name))) {
                problems.add(new String[] {"merchants[" + i + "].name", "appears twice"});
            }
        }
        return problems;
    }
}
