package io.sori.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import io.sori.testsupport.StackAvailableCondition;
import io.sori.testsupport.Tokens;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The first slice through the whole suite, only through the gateway: a chat conversation
 * handed to a person becomes an interaction event, ticket-service turns it into a ticket, and
 * the ticket can be read back by id and by customer.
 */
@ExtendWith({StackAvailableCondition.class, SuiteExtension.class})
class ThinSliceIT {

    private static final String AGENT = Tokens.valid("agent-e2e", List.of("AGENT"), null);
    private static final String CHANNEL = Tokens.valid("app-backend", List.of("CHANNEL"), null);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    void shouldTurnAChatMessageAtTheGatewayIntoATicketReadableThroughTheGateway() throws Exception {
        URI gateway = SuiteExtension.stack().gatewayUrl();
        String customer = "cust-" + UUID.randomUUID();
        String text = "등록금을 오늘 오후 2시까지 내야 하는데 이체한도가 초과됐어요";

        HttpResponse<String> posted = send(HttpRequest.newBuilder(gateway.resolve("/api/channels/chat/messages"))
                .header("Content-Type", "application/json").header("Authorization", "Bearer " + CHANNEL)
                .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(java.util.Map.of(
                        "customerId", customer, "text", text, "identityVerified", true)))));
        assertThat(posted.statusCode()).as(posted.body()).isEqualTo(200);
        assertThat(posted.headers().firstValue("X-Request-Id")).isPresent();
        JsonNode answer = json.readTree(posted.body());
        String conversationId = answer.get("conversationId").asString();
        if (!answer.at("/reply/handoff").asBoolean()) {
            // the chatbot answered from the FAQ; the customer asks for a person, in the same conversation
            assertThat(answer.at("/reply/from").asString()).isEqualTo("BOT");
            HttpResponse<String> asked = send(HttpRequest.newBuilder(gateway.resolve("/api/channels/chat/messages"))
                    .header("Content-Type", "application/json").header("Authorization", "Bearer " + CHANNEL)
                    .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(java.util.Map.of(
                            "customerId", customer, "conversationId", conversationId, "text", "상담원 연결해 주세요",
                            "identityVerified", true)))));
            assertThat(asked.statusCode()).as(asked.body()).isEqualTo(200);
            assertThat(json.readTree(asked.body()).at("/reply/handoff").asBoolean()).isTrue();
        }

        JsonNode page = await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                .until(() -> get(gateway, "/api/tickets?customerId=" + customer),
                        p -> p != null && p.get("total").asLong() == 1);
        String ticketId = page.at("/items/0/id").asString();

        JsonNode ticket = get(gateway, "/api/tickets/" + ticketId);
        assertThat(ticket.get("customerId").asString()).isEqualTo(customer);
        assertThat(ticket.get("channel").asString()).isEqualTo("CHAT");
        assertThat(ticket.get("stage").asString()).isEqualTo("RECEIVED");
        assertThat(ticket.get("number").asString()).matches("SR-\\d{8}-\\d{6}");
        // what the customer told the bot travels with the handoff
        assertThat(ticket.get("description").asString()).startsWith(text);
        assertThat(ticket.get("conversationIds").get(0).asString()).isEqualTo(conversationId);
        assertThat(ticket.get("category").asString()).isEqualTo("TRANSFER_LIMIT");

        JsonNode conversation = get(gateway, "/api/channels/conversations/" + conversationId);
        assertThat(conversation.at("/messages/0/text").asString()).isEqualTo(text);
    }

    @Test
    void shouldStopALostCardThroughTheSimulatedCoreBankingAndShowItToTheCustomer() throws Exception {
        URI gateway = SuiteExtension.stack().gatewayUrl();
        String customer = "cust-" + UUID.randomUUID();
        HttpResponse<String> posted = send(HttpRequest.newBuilder(gateway.resolve("/api/channels/chat/messages"))
                .header("Content-Type", "application/json").header("Authorization", "Bearer " + CHANNEL)
                .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(java.util.Map.of(
                        "customerId", customer, "text", "방금 신용카드를 잃어버렸어요. 정지해 주세요",
                        "identityVerified", true)))));
        assertThat(posted.statusCode()).as(posted.body()).isEqualTo(200);

        JsonNode page = await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                .until(() -> get(gateway, "/api/tickets?customerId=" + customer),
                        p -> p != null && p.get("total").asLong() == 1);
        String ticketId = page.at("/items/0/id").asString();
        assertThat(page.at("/items/0/priority").asString()).isEqualTo("URGENT");
        JsonNode status = await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                .until(() -> getAsCustomer(gateway, "/api/tickets/" + ticketId + "/status", customer),
                        s -> s.at("/emergencyActions/0/status").asString().equals("COMPLETED"));
        assertThat(status.at("/emergencyActions/0/type").asString()).isEqualTo("SUSPEND_CARD");
        assertThat(status.get("stageLabel").asString()).isEqualTo("접수");

        // another customer learns nothing about this ticket, not even that it exists
        HttpResponse<String> someoneElse = send(HttpRequest.newBuilder(
                gateway.resolve("/api/tickets/" + ticketId + "/status")).GET()
                .header("Authorization", "Bearer " + customerToken("cust-" + UUID.randomUUID())));
        assertThat(someoneElse.statusCode()).isEqualTo(404);
        // and identity headers sent straight to ticket-service, past the gateway, open nothing
        URI ticketService = URI.create("http://127.0.0.1:" + SuiteExtension.stack().port("ticket-service"));
        HttpResponse<String> forged = send(HttpRequest.newBuilder(ticketService.resolve("/api/tickets/" + ticketId))
                .GET().header("X-Sori-Actor", "agent-e2e").header("X-Sori-Roles", "AGENT,SUPERVISOR")
                .header("X-Sori-Customer-Id", customer));
        assertThat(forged.statusCode()).isEqualTo(401);
        assertThat(get(gateway, "/api/tickets/" + ticketId).at("/emergencyActions/0/bankReference").asString())
                .startsWith("CSP-");
    }

    @Test
    void shouldLetTheChatbotAnswerFromTheFaqAndCalculateThenHandOffWhenAsked() throws Exception {
        URI gateway = SuiteExtension.stack().gatewayUrl();
        String customer = "cust-" + UUID.randomUUID();

        // the FAQ answer comes from the real kb-service, called with channel-service's own token
        JsonNode faq = chat(gateway, customer, null, "이체한도 올리는 방법 알려주세요");
        String conversationId = faq.get("conversationId").asString();
        assertThat(faq.at("/reply/from").asString()).isEqualTo("BOT");
        assertThat(faq.at("/reply/handoff").asBoolean()).isFalse();
        assertThat(faq.at("/reply/articleId").asString()).isNotBlank();
        assertThat(faq.at("/reply/text").asString()).contains("한도");

        JsonNode savings = chat(gateway, customer, conversationId, "월 30만원씩 12개월 연 3.5% 적금 만기 금액 알려주세요");
        assertThat(savings.at("/reply/handoff").asBoolean()).isFalse();
        assertThat(savings.at("/reply/text").asString()).contains("원").contains("15.4");

        JsonNode person = chat(gateway, customer, conversationId, "상담원 연결해 주세요");
        assertThat(person.at("/reply/handoff").asBoolean()).isTrue();
        JsonNode page = await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                .until(() -> get(gateway, "/api/tickets?customerId=" + customer),
                        p -> p != null && p.get("total").asLong() == 1);
        assertThat(page.at("/items/0/conversationIds/0").asString()).isEqualTo(conversationId);

        // the customer's journey is theirs alone
        HttpResponse<String> journey = send(HttpRequest.newBuilder(
                gateway.resolve("/api/channels/customers/" + customer + "/journey")).GET()
                .header("Authorization", "Bearer " + customerToken(customer)));
        assertThat(journey.statusCode()).as(journey.body()).isEqualTo(200);
        HttpResponse<String> someoneElses = send(HttpRequest.newBuilder(
                gateway.resolve("/api/channels/customers/" + customer + "/journey")).GET()
                .header("Authorization", "Bearer " + customerToken("cust-" + UUID.randomUUID())));
        assertThat(someoneElses.statusCode()).isIn(403, 404);
    }

    private JsonNode chat(URI gateway, String customer, String conversationId, String text) throws Exception {
        java.util.Map<String, Object> body = new java.util.HashMap<>(java.util.Map.of("customerId", customer,
                "text", text, "identityVerified", true));
        if (conversationId != null) {
            body.put("conversationId", conversationId);
        }
        HttpResponse<String> posted = send(HttpRequest.newBuilder(gateway.resolve("/api/channels/chat/messages"))
                .header("Content-Type", "application/json").header("Authorization", "Bearer " + CHANNEL)
                .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body))));
        assertThat(posted.statusCode()).as(posted.body()).isEqualTo(200);
        return json.readTree(posted.body());
    }

    @Test
    void shouldRouteEveryServiceAndAnswerProblemsForUnknownPaths() throws Exception {
        URI gateway = SuiteExtension.stack().gatewayUrl();
        for (String path : new String[] {"/api/kb/nothing-yet", "/api/surveys/no-token", "/api/blocklist/none",
                "/api/agents/none", "/api/tickets/no-such-ticket"}) {
            HttpResponse<String> response = send(HttpRequest.newBuilder(gateway.resolve(path)).GET()
                    .header("Authorization", "Bearer " + AGENT));
            assertThat(response.statusCode()).as(path).isEqualTo(404);
            assertThat(response.headers().firstValue("Content-Type")).as(path).hasValueSatisfying(
                    type -> assertThat(type).startsWith("application/problem+json"));
        }
        HttpResponse<String> health = send(HttpRequest.newBuilder(gateway.resolve("/readyz")).GET());
        assertThat(health.statusCode()).isEqualTo(200);
        // the actuator is not served on the public port, with or without a token
        for (String path : new String[] {"/actuator/prometheus", "/actuator/env", "/actuator/health"}) {
            assertThat(send(HttpRequest.newBuilder(gateway.resolve(path)).GET()
                    .header("Authorization", "Bearer " + AGENT)).statusCode()).as(path).isEqualTo(404);
        }
    }

    /** Read as an agent. */
    private JsonNode get(URI gateway, String path) throws Exception {
        HttpResponse<String> response = send(HttpRequest.newBuilder(gateway.resolve(path)).GET()
                .header("Authorization", "Bearer " + AGENT));
        assertThat(response.statusCode()).as(path + " -> " + response.body()).isEqualTo(200);
        return json.readTree(response.body());
    }

    private JsonNode getAsCustomer(URI gateway, String path, String customerId) throws Exception {
        HttpResponse<String> response = send(HttpRequest.newBuilder(gateway.resolve(path)).GET()
                .header("Authorization", "Bearer " + customerToken(customerId)));
        assertThat(response.statusCode()).as(path + " -> " + response.body()).isEqualTo(200);
        return json.readTree(response.body());
    }

    private static String customerToken(String customerId) {
        return Tokens.valid("login-" + customerId, List.of("CUSTOMER"), customerId);
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return http.send(request.timeout(Duration.ofSeconds(15)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
