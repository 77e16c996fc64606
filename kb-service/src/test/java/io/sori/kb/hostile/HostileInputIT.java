package io.sori.kb.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import io.sori.testsupport.Callers;
import io.sori.testsupport.SoriIntegrationTest;
import io.sori.testsupport.hostile.HostileSweep;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Every public endpoint of kb-service under hostile input (generated from its OpenAPI document,
 * see docs/hostile-input.md): refused with problem details, nothing kept, still serving.
 */
@SoriIntegrationTest
class HostileInputIT {

    private static final String ARTICLE = "{\"title\":\"{m} 이체한도 변경 방법\",\"body\":\"{m} 앱에서 이체한도를 바꿀 수 있어요\","
            + "\"audience\":\"AGENT_KMS\",\"category\":\"TRANSFER_LIMIT\",\"author\":\"{m} 편집자\",\"tags\":[\"이체한도\"]%s}";

    @Autowired
    WebTestClient http;

    @Autowired
    ReactiveMongoTemplate mongo;

    @Test
    void shouldRefuseHostileInputOnEveryEndpointWithProblemsAndKeepNothing() {
        Map<String, Object> article = http.post().uri("/api/kb/articles").headers(Callers.supervisor("lead-hostile"))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(String.format(ARTICLE, "").replace("{m}", "hostile-sweep"))
                .exchange().expectStatus().is2xxSuccessful()
                .expectBody(new ParameterizedTypeReference<Map<String, Object>>() { }).returnResult().getResponseBody();
        HostileSweep.Report report = HostileSweep.of(http, mongo)
                .callers(e -> Callers.as("admin-hostile", "AGENT,SUPERVISOR,ADMIN", null))
                .pathValue("id", (String) article.get("id"))
                .pathValue("ticketId", "ticket-hostile")
                .pathValue("kind", "FX_RATES")
                .sample("POST /api/kb/articles", String.format(ARTICLE, ""))
                .sample("PUT /api/kb/articles/{id}", String.format(ARTICLE, ",\"version\":1"))
                .sample("POST /api/kb/articles/{id}/votes", "{\"helpful\":true}")
                .sample("POST /api/kb/articles/{id}/publish", "{\"version\":1}")
                .sample("POST /api/kb/articles/{id}/archive", "{\"version\":1}")
                .sample("PUT /api/kb/reference-data/CASHBACK_MERCHANTS", "{\"updatedBy\":\"{m}\",\"merchants\":[{\"name\":"
                        + "\"{m} 편의점\",\"category\":\"CONVENIENCE\",\"ratePercent\":1.5}]}")
                .stillServes(client -> client.get().uri("/api/kb/search?q=이체한도").headers(Callers.agent("agent-kim"))
                        .exchange().expectStatus().isOk())
                .run();
        assertThat(report.endpoints()).contains("GET /api/kb/search", "GET /api/kb/answer", "GET /api/kb/gaps",
                "GET /api/kb/suggestions", "POST /api/kb/articles", "GET /api/kb/articles/{id}",
                "PUT /api/kb/articles/{id}", "POST /api/kb/articles/{id}/publish", "POST /api/kb/articles/{id}/votes",
                "GET /api/kb/reference-data/{kind}");
    }

    @Test
    void shouldShowCustomersNothingOfTheAgentsKnowledgeBaseByItsIds() {
        Map<String, Object> article = http.post().uri("/api/kb/articles").headers(Callers.supervisor("lead-hostile"))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(String.format(ARTICLE, "").replace("{m}", "내부 전용"))
                .exchange().expectStatus().is2xxSuccessful()
                .expectBody(new ParameterizedTypeReference<Map<String, Object>>() { }).returnResult().getResponseBody();
        List<String> read = HostileSweep.of(http, mongo).crossCustomer(Callers.customer("cust-curious"),
                Map.of("id", (String) article.get("id")));
        assertThat(read).contains("GET /api/kb/articles/{id}", "GET /api/kb/articles/{id}/versions");
    }
}
