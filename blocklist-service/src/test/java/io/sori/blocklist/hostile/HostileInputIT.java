package io.sori.blocklist.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import io.sori.testsupport.Callers;
import io.sori.testsupport.SoriIntegrationTest;
import io.sori.testsupport.hostile.HostileSweep;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Every public endpoint of blocklist-service under hostile input (generated from its OpenAPI
 * document, see docs/hostile-input.md): refused with problem details, nothing kept, still serving.
 */
@SoriIntegrationTest
class HostileInputIT {

    @Autowired
    WebTestClient http;

    @Autowired
    ReactiveMongoTemplate mongo;

    private Map<String, Object> threat(String customerId) {
        return http.post().uri("/api/blocklist/reports").headers(Callers.agent("agent-hostile"))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("customerId", customerId, "reason", "THREAT", "conversationId", "conv-hostile",
                        "evidence", "찾아가서 가만두지 않겠다"))
                .exchange().expectStatus().isCreated()
                .expectBody(new ParameterizedTypeReference<Map<String, Object>>() { }).returnResult().getResponseBody();
    }

    @Test
    void shouldRefuseHostileInputOnEveryEndpointWithProblemsAndKeepNothing() {
        String customer = "cust-hostile-" + UUID.randomUUID();
        Map<String, Object> block = threat(customer);
        HostileSweep.Report report = HostileSweep.of(http, mongo)
                .callers(e -> Callers.supervisor("lead-hostile"))
                .pathValue("blockId", (String) block.get("blockId"))
                .pathValue("customerId", customer)
                .sample("POST /api/blocklist/reports", "{\"customerId\":\"{m}-c1\",\"reason\":\"PROFANITY\","
                        + "\"conversationId\":\"{m}-conv\",\"evidence\":\"{m} 상담 중 욕설\"}")
                .sample("POST /api/blocklist/blocks/{blockId}/lift", "{\"reason\":\"{m} 오인 신고\"}")
                .sample("POST /api/blocklist/blocks/{blockId}/approve", "{\"decision\":\"SENIOR_HANDLER\",\"reason\":\"{m}\"}")
                .stillServes(client -> threat("cust-after-" + UUID.randomUUID()))
                .run();
        assertThat(report.endpoints()).contains("POST /api/blocklist/reports", "GET /api/blocklist/blocks",
                "POST /api/blocklist/blocks/{blockId}/lift", "POST /api/blocklist/blocks/{blockId}/approve",
                "GET /api/blocklist/customers/{customerId}", "GET /api/blocklist/customers/{customerId}/evidence");
    }

    @Test
    void shouldNotShowACustomerTheirOwnOrAnothersCase() {
        String owner = "cust-owner-" + UUID.randomUUID();
        Map<String, Object> block = threat(owner);
        List<String> read = HostileSweep.of(http, mongo).crossCustomer(Callers.customer("cust-stranger"),
                Map.of("customerId", owner, "blockId", (String) block.get("blockId")));
        assertThat(read).contains("GET /api/blocklist/customers/{customerId}",
                "GET /api/blocklist/customers/{customerId}/evidence", "GET /api/blocklist/blocks");
    }
}
