package io.sori.kb.reference;

import static org.assertj.core.api.Assertions.assertThat;

import io.sori.events.EventEnvelope;
import io.sori.events.Topics;
import io.sori.events.kb.ReferenceDataUpdated;
import io.sori.testsupport.SoriIntegrationTest;
import io.sori.testsupport.TopicProbe;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import io.sori.testsupport.Callers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/** The calculators' reference data: defaults, lookups, versioned replacement and its event. */
@SoriIntegrationTest
class ReferenceDataIT {

    @Autowired
    WebTestClient http;

    /** The caller of every request below unless a test says otherwise. */
    @BeforeEach
    void signIn() {
        http = http.mutate().defaultHeaders(Callers.admin("kb-admin")).build();
    }

    private Map<String, Object> get(String uri) {
        return http.get().uri(uri).exchange()
                .expectStatus().isOk()
                .expectBody(new ParameterizedTypeReference<Map<String, Object>>() { })
                .returnResult().getResponseBody();
    }

    private static Map<String, Object> rate(String currency, int unit, double base) {
        return Map.of("currency", currency, "name", currency, "unit", unit, "baseRate", base,
                "cashBuy", cents(base * 1.0175), "cashSell", cents(base * 0.9825), "send", cents(base * 1.01),
                "receive", cents(base * 0.99));
    }

    private static java.math.BigDecimal cents(double value) {
        return java.math.BigDecimal.valueOf(value).setScale(2, java.math.RoundingMode.HALF_UP);
    }

    @Test
    void shouldServeTheDefaultRatesAndMerchants() {
        Map<String, Object> rates = get("/api/kb/reference-data/FX_RATES");
        assertThat(rates).containsEntry("kind", "FX_RATES").containsKeys("version", "updatedAt", "rates");
        assertThat((List<?>) rates.get("rates")).hasSizeGreaterThanOrEqualTo(5);

        Map<String, Object> coffee = get("/api/kb/reference-data/CASHBACK_MERCHANTS?q=커피");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> merchants = (List<Map<String, Object>>) coffee.get("merchants");
        assertThat(merchants).isNotEmpty().allSatisfy(m -> assertThat(m.get("category")).isEqualTo("커피"));

        Map<String, Object> byName = get("/api/kb/reference-data/CASHBACK_MERCHANTS?q=스타커피");
        assertThat((List<?>) byName.get("merchants")).hasSize(1);
    }

    @Test
    void shouldReplaceRatesAsANewVersionAndAnnounceIt() {
        int version = ((Number) get("/api/kb/reference-data/FX_RATES").get("version")).intValue();

        try (TopicProbe kb = TopicProbe.on(Topics.KB)) {
            http.put().uri("/api/kb/reference-data/FX_RATES")
                    .bodyValue(Map.of("version", version, "updatedBy", "외환운영팀 박소리",
                            "rates", List.of(rate("USD", 1, 1401.20), rate("JPY", 100, 940.10))))
                    .exchange()
                    .expectStatus().isOk()
                    .expectBody()
                    .jsonPath("$.version").isEqualTo(version + 1)
                    .jsonPath("$.updatedBy").isEqualTo("외환운영팀 박소리")
                    .jsonPath("$.rates.length()").isEqualTo(2)
                    .jsonPath("$.rates[0].baseRate").isEqualTo(1401.2);

            EventEnvelope<ReferenceDataUpdated> updated = kb.awaitEvent(ReferenceDataUpdated.class,
                    e -> e.kind().equals("FX_RATES") && e.version() == version + 1, Duration.ofSeconds(20));
            assertThat(updated.aggregateId()).isEqualTo("FX_RATES");
        }

        // an admin still looking at the old version loses
        http.put().uri("/api/kb/reference-data/FX_RATES")
                .bodyValue(Map.of("version", version, "updatedBy", "someone", "rates", List.of(rate("USD", 1, 1380))))
                .exchange()
                .expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.type").isEqualTo("https://sori.io/problems/stale-version");
    }

    @Test
    void shouldRefuseAReplacementThatDoesNotSayWhichVersionItReplaces() {
        int version = ((Number) get("/api/kb/reference-data/CASHBACK_MERCHANTS").get("version")).intValue();
        for (String kind : List.of("FX_RATES", "CASHBACK_MERCHANTS")) {
            Map<String, Object> body = kind.equals("FX_RATES")
                    ? Map.of("updatedBy", "x", "rates", List.of(rate("USD", 1, 1390)))
                    : Map.of("updatedBy", "x", "merchants", List.of(Map.of("name", "스타 커피", "category", "커피",
                            "ratePercent", 10)));
            http.put().uri("/api/kb/reference-data/" + kind).bodyValue(body).exchange()
                    .expectStatus().isEqualTo(428)
                    .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectBody().jsonPath("$.type").isEqualTo("https://sori.io/problems/version-required")
                    .jsonPath("$.errors[0].field").isEqualTo("version");
        }
        http.put().uri("/api/kb/reference-data/CASHBACK_MERCHANTS").bodyValue(Map.of("version", version + 5,
                "updatedBy", "x", "merchants", List.of(Map.of("name", "스타 커피", "category", "커피", "ratePercent", 10))))
                .exchange().expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.type").isEqualTo("https://sori.io/problems/stale-version");
        assertThat(get("/api/kb/reference-data/CASHBACK_MERCHANTS").get("version")).isEqualTo(version);
    }

    @Test
    void shouldReplaceMerchants() {
        int version = ((Number) get("/api/kb/reference-data/CASHBACK_MERCHANTS").get("version")).intValue();
        http.put().uri("/api/kb/reference-data/CASHBACK_MERCHANTS")
                .bodyValue(Map.of("version", version, "updatedBy", "혜택운영팀", "merchants", List.of(
                        Map.of("name", "하루24 편의점", "category", "편의점", "ratePercent", 5),
                        Map.of("name", "스타 커피", "category", "커피", "ratePercent", 10, "note", "앱 주문 포함"))))
                .exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.version").isEqualTo(version + 1).jsonPath("$.merchants.length()").isEqualTo(2);
    }

    @Test
    void shouldRefuseBadReferenceDataWithProblemsNamingTheField() {
        expectFieldProblem(http.put().uri("/api/kb/reference-data/FX_RATES")
                .bodyValue(Map.of("updatedBy", "x", "rates", List.of(Map.of("currency", Map.of("$gt", ""), "name", "x",
                        "unit", 1, "baseRate", 1, "cashBuy", 1, "cashSell", 1, "send", 1, "receive", 1))))
                .exchange(), "rates[0].currency");
        expectFieldProblem(http.put().uri("/api/kb/reference-data/FX_RATES")
                .bodyValue(Map.of("updatedBy", "x", "rates", List.of(Map.of("currency", "USD", "name", "달러", "unit", 1,
                        "baseRate", 1390, "cashBuy", 1380, "cashSell", 1370, "send", 1400, "receive", 1380))))
                .exchange(), "rates[0]");
        expectFieldProblem(http.put().uri("/api/kb/reference-data/FX_RATES")
                .bodyValue(Map.of("updatedBy", "x", "rates", List.of())).exchange(), "rates");
        expectFieldProblem(http.put().uri("/api/kb/reference-data/CASHBACK_MERCHANTS")
                .bodyValue(Map.of("updatedBy", "x", "merchants", List.of(
                        Map.of("name", "가게", "category", "생활", "ratePercent", 80))))
                .exchange(), "merchants[0].ratePercent");
        expectFieldProblem(http.get().uri("/api/kb/reference-data/CASHBACK_MERCHANTS?q=").exchange(), "q");
        int version = ((Number) get("/api/kb/reference-data/FX_RATES").get("version")).intValue();
        // one dollar for one won, a dollar in yen terms, a currency nobody quotes, an absurd cash spread
        expectFieldProblem(http.put().uri("/api/kb/reference-data/FX_RATES").bodyValue(Map.of("version", version,
                "updatedBy", "x", "rates", List.of(rate("USD", 1, 1)))).exchange(), "rates[0].baseRate");
        expectFieldProblem(http.put().uri("/api/kb/reference-data/FX_RATES").bodyValue(Map.of("version", version,
                "updatedBy", "x", "rates", List.of(rate("JPY", 1, 9.35)))).exchange(), "rates[0].unit");
        expectFieldProblem(http.put().uri("/api/kb/reference-data/FX_RATES").bodyValue(Map.of("version", version,
                "updatedBy", "x", "rates", List.of(rate("XYZ", 1, 100)))).exchange(), "rates[0].currency");
        expectFieldProblem(http.put().uri("/api/kb/reference-data/FX_RATES").bodyValue(Map.of("version", version,
                "updatedBy", "x", "rates", List.of(Map.of("currency", "USD", "name", "달러", "unit", 1,
                        "baseRate", 1390, "cashBuy", 2500, "cashSell", 1300, "send", 1400, "receive", 1380))))
                .exchange(), "rates[0]");
        expectFieldProblem(http.put().uri("/api/kb/reference-data/CASHBACK_MERCHANTS").bodyValue(Map.of(
                "version", version, "updatedBy", "x", "merchants", List.of(
                        Map.of("name", " ", "category", "커피", "ratePercent", 5)))).exchange(), "merchants[0].name");
        assertThat(get("/api/kb/reference-data/FX_RATES").get("version")).as("nothing was replaced").isEqualTo(version);

        http.get().uri("/api/kb/reference-data/GOLD_PRICES").exchange()
                .expectStatus().isNotFound()
                .expectBody().jsonPath("$.type").isEqualTo("https://sori.io/problems/not-found");
    }

    private static void expectFieldProblem(WebTestClient.ResponseSpec response, String field) {
        response.expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.errors[0].field").isEqualTo(field);
    }
}
