package io.sori.channel.kb;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.math.BigDecimal;
import java.util.List;

/** kb-service's answers as this client reads them: tolerant, only the fields it uses. */
final class KbResponses {

    private KbResponses() {
    }

    /** {@code GET /api/kb/answer?q=} */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Answer(String articleId, String title, String answer, Double confidence, Boolean answered,
            List<Related> related) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Related(String articleId, String title) {
    }

    /** {@code GET /api/kb/reference-data/FX_RATES} */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record FxRates(String kind, Integer version, String updatedAt, List<Rate> rates) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Rate(String currency, String name, Integer unit, BigDecimal baseRate, BigDecimal cashBuy, BigDecimal cashSell,
            BigDecimal send, BigDecimal receive) {
    }

    /** {@code GET /api/kb/reference-data/CASHBACK_MERCHANTS} */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Merchants(String kind, Integer version, List<Merchant> merchants) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Merchant(String name, String category, BigDecimal ratePercent, String note) {
    }
}
