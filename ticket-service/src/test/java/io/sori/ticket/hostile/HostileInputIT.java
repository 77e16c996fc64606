package io.sori.ticket.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import io.sori.testsupport.Callers;
import io.sori.testsupport.SoriIntegrationTest;
import io.sori.testsupport.hostile.HostileSweep;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Every public endpoint of ticket-service under hostile input (generated from its OpenAPI
 * document, see docs/hostile-input.md): refused with problem details, nothing kept, still serving.
 */
@SoriIntegrationTest
class HostileInputIT {

    @Autowired
    WebTestClient http;

    @Autowired
    ReactiveMongoTemplate mongo;

    private Map<String, Object> open(String customerId) {
        return http.post().uri("/api/tickets").headers(Callers.agent("agent-hostile"))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("customerId", customerId, "channel", "PHONE", "subject", "카드 결제 취소 문의",
                        "description", "해외 가맹점 결제가 두 번 청구됐어요"))
                .exchange().expectStatus().isCreated()
                .expectBody(new org.springframework.core.ParameterizedTypeReference<Map<String, Object>>() { })
                .returnResult().getResponseBody();
    }

    private HostileSweep sweep(String ticketId) {
        return HostileSweep.of(http, mongo)
                .callers(e -> Callers.supervisor("lead-hostile"))
                .pathValue("id", ticketId)
                .pathValue("agentId", "agent-hostile-target")
                .sample("POST /api/tickets", "{\"customerId\":\"{m}-c1\",\"channel\":\"CHAT\",\"subject\":\"{m} 이체한도 문의\","
                        + "\"description\":\"{m} 한도를 올리고 싶어요\"}")
                .sample("POST /api/tickets/{id}/transitions", "{\"to\":\"IN_REVIEW\",\"reason\":\"{m}\",\"version\":0}")
                .sample("POST /api/tickets/{id}/replies", "{\"text\":\"{m} 답변드립니다\"}")
                .sample("POST /api/tickets/{id}/notes", "{\"text\":\"{m} 내부 메모\"}")
                .sample("POST /api/tickets/{id}/assignment", "{\"assignee\":\"{m}-agent\"}")
                .sample("POST /api/tickets/{id}/escalation", "{\"reason\":\"{m} 상급자 확인 필요\"}")
                .sample("POST /api/tickets/{id}/regulatory-extension", "{\"customerNotice\":\"{m} 처리 기한 연장 안내\"}")
                .sample("PUT /api/agents/{agentId}", "{\"displayName\":\"{m} 김상담\",\"skills\":[\"CARD\"],"
                        + "\"maxConcurrent\":3,\"maxDaily\":30,\"status\":\"AVAILABLE\"}")
                .stillServes(client -> client.get().uri("/api/tickets/" + ticketId)
                        .headers(Callers.agent("agent-hostile")).exchange().expectStatus().isOk());
    }

    @Test
    void shouldRefuseHostileInputOnEveryEndpointWithProblemsAndKeepNothing() {
        String ticketId = (String) open("cust-hostile-" + UUID.randomUUID()).get("id");
        HostileSweep.Report report = sweep(ticketId).run();
        assertThat(report.endpoints()).contains("GET /api/tickets", "POST /api/tickets", "GET /api/tickets/{id}",
                "POST /api/tickets/{id}/transitions", "POST /api/tickets/{id}/replies", "POST /api/tickets/{id}/notes",
                "POST /api/tickets/{id}/assignment", "GET /api/tickets/{id}/status", "GET /api/tickets/{id}/history",
                "GET /api/tickets/queue", "PUT /api/agents/{agentId}", "GET /api/agents");
    }

    @Test
    void shouldNotShowOneCustomersTicketToAnother() {
        String owner = "cust-owner-" + UUID.randomUUID();
        Map<String, Object> ticket = open(owner);
        List<String> read = sweep((String) ticket.get("id")).crossCustomer(
                Callers.customer("cust-stranger-" + UUID.randomUUID()),
                Map.of("id", (String) ticket.get("id"), "customerId", owner, "number", (String) ticket.get("number")));
        assertThat(read).contains("GET /api/tickets/{id}", "GET /api/tickets/{id}/status",
                "GET /api/tickets/{id}/history", "GET /api/tickets");
        http.get().uri("/api/tickets/" + ticket.get("id") + "/status").headers(Callers.customer(owner)).exchange()
                .expectStatus().isOk();
    }
}
