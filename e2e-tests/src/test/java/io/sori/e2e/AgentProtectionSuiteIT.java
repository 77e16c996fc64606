package io.sori.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.sori.testsupport.StackAvailableCondition;
import io.sori.testsupport.Tokens;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Agent protection across the whole suite, only through the gateway: an agent's report blocks a
 * threatening customer in blocklist-service, channel-service refuses the customer's next chat from
 * the compacted topic alone, a lost-card report still gets through, only a supervisor may lift the
 * block, and after the lift the customer is let back in.
 */
@ExtendWith({StackAvailableCondition.class, SuiteExtension.class})
class AgentProtectionSuiteIT {

    private static final String AGENT = Tokens.valid("agent-e2e", List.of("AGENT"), null);
    private static final String SUPERVISOR = Tokens.valid("lead-e2e", List.of("AGENT", "SUPERVISOR"), null);
    private static final String CHANNEL = Tokens.valid("app-backend", List.of("CHANNEL"), null);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    void shouldBlockAThreateningCustomerKeepTheEmergencyPathOpenAndLetThemBackWhenASupervisorLifts()
            throws Exception {
        URI gateway = SuiteExtension.stack().gatewayUrl();
        String customer = "cust-" + UUID.randomUUID();

        HttpResponse<String> reported = post(gateway, "/api/blocklist/reports", AGENT, Map.of(
                "customerId", customer, "reason", "THREAT",
                "evidence", "찾아가서 가만두지 않겠다고 세 번 말함", "conversationId", "conv-" + UUID.randomUUID()));
        assertThat(reported.statusCode()).as(reported.body()).isEqualTo(201);
        JsonNode report = json.readTree(reported.body());
        assertThat(report.get("action").asString()).isEqualTo("BLOCK");
        String blockId = report.get("blockId").asString();

        // channel-service learns the block from sori.blocklist.v1 and refuses the next chat
        HttpResponse<String> refused = await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                .until(() -> chat(gateway, customer, "상담 다시 연결해 주세요"), r -> r.statusCode() == 403);
        assertThat(refused.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        JsonNode problem = json.readTree(refused.body());
        assertThat(problem.get("type").asString()).endsWith("/customer-blocked");
        assertThat(problem.get("blockedUntil").asString()).isNotBlank();

        // the emergency path stays open: a lost card is reported and handed to a person
        HttpResponse<String> lostCard = chat(gateway, customer, "카드를 잃어버렸어요 정지해 주세요");
        assertThat(lostCard.statusCode()).as(lostCard.body()).isEqualTo(200);
        assertThat(json.readTree(lostCard.body()).at("/reply/handoff").asBoolean()).isTrue();

        // an agent may not lift a block; a supervisor may, with a reason
        assertThat(post(gateway, "/api/blocklist/blocks/" + blockId + "/lift", AGENT,
                Map.of("reason", "이의 신청")).statusCode()).isEqualTo(403);
        HttpResponse<String> lifted = post(gateway, "/api/blocklist/blocks/" + blockId + "/lift", SUPERVISOR,
                Map.of("reason", "이의 신청 인용: 녹취 재검토 결과 오해"));
        assertThat(lifted.statusCode()).as(lifted.body()).isEqualTo(200);

        HttpResponse<String> back = await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                .until(() -> chat(gateway, customer, "다시 문의드려요"), r -> r.statusCode() == 200);
        assertThat(json.readTree(back.body()).get("conversationId").asString()).isNotBlank();
    }

    private HttpResponse<String> chat(URI gateway, String customer, String text) throws Exception {
        return post(gateway, "/api/channels/chat/messages", CHANNEL, Map.of("customerId", customer, "text", text));
    }

    private HttpResponse<String> post(URI gateway, String path, String token, Map<String, ?> body) throws Exception {
        return http.send(HttpRequest.newBuilder(gateway.resolve(path)).timeout(Duration.ofSeconds(15))
                .header("Content-Type", "application/json").header("Authorization", "Bearer " + token)
                .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body))).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
