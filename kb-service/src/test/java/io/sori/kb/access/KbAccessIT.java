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
