package io.sori.kb.access;

import static io.sori.testsupport.Callers.admin;
import static io.sori.testsupport.Callers.agent;
import static io.sori.testsupport.Callers.customer;
import static io.sori.testsupport.Callers.supervisor;
import static org.assertj.core.api.Assertions.assertThat;

import io.sori.testsupport.SoriIntegrationTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;

/** The agents' KMS stays internal; content and reference data change only in the right hands. */
@SoriIntegrationTest
class KbAccessIT {

    @Autowired
    WebTestClient http;

    @Test
    void shouldShowCustomersOnlyThePublicFaq() {
        JsonNode hits = http.get().uri(b -> b.path("/api/kb/search").queryParam("q", "카드 분실").build())
                .headers(customer("C-4821")).exchange()
                .expectStatus().isOk()
                .returnResult(JsonNode.class).getResponseBody().blockFirst();
        assertThat(hits.get("hits").size()).isPositive();
        hits.get("hits").forEach(hit -> assertThat(hit.get("audience").asString()).isEqualTo("PUBLIC_FAQ"));

        http.get().uri(b -> b.path("/api/kb/search").queryParam("q", "카드 분실").queryParam("audience", "AGENT_KMS")
                        .build())
                .headers(customer("C-4821")).exchange()
                .expectStatus().isForbidden();

        String kmsArticle = http.get().uri(b -> b.path("/api/kb/search").queryParam("q", "카드 분실")
                        .queryParam("audience", "AGENT_KMS").build())
                .headers(agent("agent-kim")).exchange()
                .expectStatus().isOk()
                .returnResult(JsonNode.class).getResponseBody().blockFirst().at("/hits/0/id").asString();
        http.get().uri("/api/kb/articles/{id}", kmsArticle).headers(customer("C-4821")).exchange()
                .expectStatus().isNotFound();
        http.get().uri("/api/kb/articles/{id}", kmsArticle).headers(agent("agent-kim")).exchange()
                .expectStatus().isOk();
        JsonNode page = http.get().uri("/api/kb/articles?size=100").headers(customer("C-4821")).exchange()
                .expectStatus().isOk()
                .returnResult(JsonNode.class).getResponseBody().blockFirst();
        page.get("items").forEach(item -> {
            assertThat(item.get("audience").asString()).isEqualTo("PUBLIC_FAQ");
            assertThat(item.get("status").asString()).isEqualTo("PUBLISHED");
        });
        http.get().uri("/api/kb/gaps").headers(customer("C-4821")).exchange().expectStatus().isForbidden();
    }

    private static Map<String, Object> article(String title, String body, String audience, Integer version) {
        Map<String, Object> article = new java.util.HashMap<>(Map.of("title", title, "body", body, "audience", audience,
                "category", "CARD", "tags", List.of("해외결제"), "synonyms", List.of(), "author", "김소리"));
        if (version != null) {
            article.put("version", version);
        }
        return article;
    }

    private String create(Map<String, Object> article) {
        return http.post().uri("/api/kb/articles").headers(admin("kb-admin")).bodyValue(article).exchange()
                .expectStatus().isCreated().returnResult(JsonNode.class).getResponseBody().blockFirst()
                .get("id").asString();
    }

    private void publish(String id, int version) {
        http.post().uri("/api/kb/articles/{id}/publish", id).headers(admin("kb-admin"))
                .bodyValue(Map.of("version", version)).exchange().expectStatus().isOk();
    }

    private String asCustomer(String uri, Object... vars) {
        return http.get().uri(uri, vars).headers(customer("C-4821")).exchange()
                .expectBody(String.class).returnResult().getResponseBody();
    }

    @Test
    void shouldNeverShowCustomersADraftOrAnUnpublishedVersion() {
        String secret = "미공개초안" + java.util.UUID.randomUUID().toString().replaceAll("[^a-f]", "");
        // a public FAQ, published, then edited: version 2 is a draft with a new title
        String faq = create(article("해외 결제 수수료 안내", "해외 결제 수수료는 1%입니다.", "PUBLIC_FAQ", null));
        publish(faq, 1);
        http.put().uri("/api/kb/articles/{id}", faq).headers(admin("kb-admin"))
                .bodyValue(article(secret + " 수수료 인하 예정", secret + " 다음 달부터 0.5%", "PUBLIC_FAQ", 1)).exchange()
                .expectStatus().isOk();
        // an agents' article, published, whose draft would move it to the public FAQ
        String kms = create(article("해외 결제 차단 내부 절차", "내부 절차", "AGENT_KMS", null));
        publish(kms, 1);
        http.put().uri("/api/kb/articles/{id}", kms).headers(admin("kb-admin"))
                .bodyValue(article(secret + " 공개 전환 검토", "검토 중", "PUBLIC_FAQ", 1)).exchange()
                .expectStatus().isOk();
        // a draft never published
        String draft = create(article(secret + " 신규 안내", secret + " 본문", "PUBLIC_FAQ", null));

        JsonNode shown = http.get().uri("/api/kb/articles/{id}", faq).headers(customer("C-4821")).exchange()
                .expectStatus().isOk().returnResult(JsonNode.class).getResponseBody().blockFirst();
        assertThat(shown.get("title").asString()).isEqualTo("해외 결제 수수료 안내");
        assertThat(shown.get("body").asString().strip()).isEqualTo("해외 결제 수수료는 1%입니다.");
        assertThat(shown.get("version").asInt()).isEqualTo(1);
        http.get().uri("/api/kb/articles/{id}", kms).headers(customer("C-4821")).exchange()
                .expectStatus().isNotFound();
        http.get().uri("/api/kb/articles/{id}", draft).headers(customer("C-4821")).exchange()
                .expectStatus().isNotFound();
        http.post().uri("/api/kb/articles/{id}/votes", draft).headers(customer("C-4821"))
                .bodyValue(Map.of("helpful", true)).exchange().expectStatus().isNotFound();

        String everything = asCustomer("/api/kb/articles/{id}", faq)
                + asCustomer("/api/kb/articles?size=100") + asCustomer("/api/kb/articles?size=100&category=CARD")
                + asCustomer("/api/kb/articles?size=100&audience=PUBLIC_FAQ&status=DRAFT")
                + asCustomer("/api/kb/search?q={q}", "수수료 인하 예정") + asCustomer("/api/kb/search?q={q}", "해외 결제 수수료")
                + asCustomer("/api/kb/answer?q={q}", "해외 결제 수수료 인하 예정인가요");
        // searching for the draft's own words (the answer echoes the query, so it is checked apart)
        assertThat(asCustomer("/api/kb/search?q={q}", secret)).contains("\"total\":0");
        assertThat(everything).contains("해외 결제 수수료 안내").doesNotContain(secret).doesNotContain(kms);

        // staff see the draft they are editing
        http.get().uri("/api/kb/articles/{id}", faq).headers(agent("agent-kim")).exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.title").isEqualTo(secret + " 수수료 인하 예정")
                .jsonPath("$.versionStatus").isEqualTo("DRAFT");
    }

    @Test
    void shouldLetOnlyEditorsChangeContentAndOnlyAdminsChangeReferenceData() {
        Map<String, Object> article = Map.of("title", "모임통장 회비 자동이체 설정", "body", "모임통장 회비는 …",
                "audience", "AGENT_KMS", "category", "GROUP_ACCOUNT", "tags", List.of("모임통장"),
                "synonyms", List.of(), "author", "김상담");
        http.post().uri("/api/kb/articles").headers(agent("agent-kim")).bodyValue(article).exchange()
                .expectStatus().isForbidden();
        http.post().uri("/api/kb/articles").headers(supervisor("lead-park")).bodyValue(article).exchange()
                .expectStatus().isCreated();

        Map<String, Object> rates = Map.of("updatedBy", "박팀장", "rates", List.of(Map.of("currency", "USD",
                "name", "미국 달러", "unit", 1, "baseRate", 1400, "cashBuy", 1424.5, "cashSell", 1375.5,
                "send", 1413.7, "receive", 1386.3)));
        http.put().uri("/api/kb/reference-data/FX_RATES").headers(supervisor("lead-park")).bodyValue(rates)
                .exchange().expectStatus().isForbidden();
        http.get().uri("/api/kb/reference-data/FX_RATES").headers(admin("ops-admin")).exchange()
                .expectStatus().isOk();
    }
}
