package io.sori.ticket.ticket;

import static io.sori.testsupport.Callers.agent;
import static io.sori.testsupport.Callers.as;
import static io.sori.testsupport.Callers.customer;
import static io.sori.ticket.TicketTestSupport.newId;
import static io.sori.testsupport.Callers.supervisor;
import static org.assertj.core.api.Assertions.assertThat;

import io.sori.events.EventEnvelope;
import io.sori.events.Topics;
import io.sori.events.survey.LowSatisfactionReported;
import io.sori.events.ticket.RegulatoryDeadlineExtended;
import io.sori.events.ticket.TicketCreated;
import io.sori.events.ticket.TicketReopened;
import io.sori.events.ticket.TicketReplied;
import io.sori.events.ticket.TicketResolved;
import io.sori.testsupport.SoriIntegrationTest;
import io.sori.testsupport.TopicProbe;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;

/** The agent and customer API: the process end to end, the customer's view, and hostile input. */
@SoriIntegrationTest
class TicketApiIT {

    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final String PROBLEMS = "https://sori.io/problems/";

    @Autowired
    WebTestClient http;

    @Test
    void shouldWalkThePublishedProcessKeepingHistoryAndShowingTheCustomerOnlyTheirView() {
        String customerId = newId("cust");
        String agentId = newId("agent");
        JsonNode ticket = open(agentId, Map.of("customerId", customerId, "channel", "PHONE",
                "subject", "카드 한도 조회가 앱에서 안 돼요", "description", "전화로 문의: 한도 조회 화면 오류"));
        String id = ticket.get("id").asString();
        assertThat(ticket.get("category").asString()).isEqualTo("LIMIT_INQUIRY");
        assertThat(ticket.get("stage").asString()).isEqualTo("RECEIVED");

        try (TopicProbe events = TopicProbe.on(Topics.TICKETS)) {
            long v = ticket.get("version").asLong();
            v = move(id, agentId, "IN_REVIEW", v);
            v = move(id, agentId, "WAITING_ON_CUSTOMER", v);

            http.get().uri("/api/tickets/{id}/status", id).headers(customer(customerId)).exchange()
                    .expectStatus().isOk()
                    .expectBody()
                    .jsonPath("$.stageIndex").isEqualTo(2)
                    .jsonPath("$.stageCount").isEqualTo(4)
                    .jsonPath("$.stageLabel").isEqualTo("내부 검토 및 원인 분석 (고객님 답변 대기 중)")
                    // nobody with the skill is on shift in this test: no time promised, the reason told
                    .jsonPath("$.expectedResolutionAt").doesNotExist()
                    .jsonPath("$.expectedResolutionNotice").value(n -> assertThat((String) n)
                            .contains("확정해 드릴 수 없습니다"))
                    .jsonPath("$.assignee").doesNotExist()
                    .jsonPath("$.notes").doesNotExist()
                    .jsonPath("$.skill").doesNotExist();

            v = move(id, agentId, "SOLUTION_PROPOSED", v);
            // an illegal step names the allowed ones
            http.post().uri("/api/tickets/{id}/transitions", id).headers(agent(agentId))
                    .bodyValue(Map.of("to", "CLOSED", "version", v)).exchange()
                    .expectStatus().isEqualTo(409)
                    .expectBody()
                    .jsonPath("$.type").isEqualTo(PROBLEMS + "illegal-transition")
                    .jsonPath("$.allowed.length()").isEqualTo(3);
            // a stale version is refused
            http.post().uri("/api/tickets/{id}/transitions", id).headers(agent(agentId))
                    .bodyValue(Map.of("to", "RESOLVED", "version", v - 1)).exchange()
                    .expectStatus().isEqualTo(409)
                    .expectBody().jsonPath("$.type").isEqualTo(PROBLEMS + "stale-version");

            http.post().uri("/api/tickets/{id}/replies", id).headers(agent(agentId))
                    .bodyValue(Map.of("text", "앱을 최신 버전으로 업데이트하시면 한도 조회가 가능합니다.")).exchange()
                    .expectStatus().isAccepted();
            http.post().uri("/api/tickets/{id}/notes", id).headers(agent(agentId))
                    .bodyValue(Map.of("text", "구버전 앱 이슈, 개발팀 공유함")).exchange()
                    .expectStatus().isCreated();
            v = version(id, agentId);
            move(id, agentId, "RESOLVED", v);

            events.awaitEvent(TicketReplied.class, r -> r.ticketId().equals(id)
                    && r.text().contains("최신 버전"), WAIT);
            events.awaitEvent(TicketResolved.class, r -> r.ticketId().equals(id), WAIT);

            // a low score reopens it
            TopicProbe.send(EventEnvelope.of(new LowSatisfactionReported(newId("srv"), id, customerId, 1,
                    "해결이 안 됐어요"), newId("corr"), Instant.now()));
            TicketReopened reopened = events.awaitEvent(TicketReopened.class, r -> r.ticketId().equals(id), WAIT)
                    .payload();
            assertThat(reopened.reason()).isEqualTo("LOW_SATISFACTION");
        }
        http.get().uri("/api/tickets/{id}", id).headers(agent(agentId)).exchange()
                .expectBody()
                .jsonPath("$.stage").isEqualTo("IN_REVIEW")
                .jsonPath("$.reopenCount").isEqualTo(1)
                .jsonPath("$.priority").isEqualTo("HIGH");
        http.get().uri("/api/tickets/{id}/history", id).headers(agent(agentId)).exchange()
                .expectBody()
                .jsonPath("$[*].action").value(actions -> assertThat(actions.toString())
                        .contains("OPENED", "STAGE_CHANGED", "REPLIED", "NOTE_ADDED", "REOPENED"))
                .jsonPath("$[1].actor").isEqualTo(agentId);
        http.get().uri("/api/tickets/{id}/notes", id).headers(customer(customerId)).exchange()
                .expectStatus().isForbidden();
    }

    @Test
    void shouldMaskPersonalNumbersStaffWriteBeforeStoringOrPublishingThem() {
        String customerId = newId("cust");
        String agentId = newId("agent");
        try (TopicProbe events = TopicProbe.on(Topics.TICKETS)) {
            JsonNode ticket = open(agentId, Map.of("customerId", customerId, "channel", "PHONE",
                    "subject", "카드 4111-1111-1111-1111 분실 문의",
                    "description", "고객 주민번호 ９０１２３４－１２３４５６７, 연락처 010-1234-5678"));
            String id = ticket.get("id").asString();
            var created = events.awaitEvent(io.sori.events.ticket.TicketCreated.class,
                    t -> t.ticketId().equals(id), WAIT).payload();
            assertThat(created.subject()).isEqualTo("카드 ****-****-****-1111 분실 문의");

            http.post().uri("/api/tickets/{id}/replies", id).headers(agent(agentId))
                    .bodyValue(Map.of("text", "말씀하신 계좌 3333-01-1234567 로 환불됩니다")).exchange()
                    .expectStatus().isAccepted();
            http.post().uri("/api/tickets/{id}/notes", id).headers(agent(agentId))
                    .bodyValue(Map.of("text", "본인확인: 앞자리는 901234이고 뒷자리는 1234567이라고 함")).exchange()
                    .expectStatus().isCreated()
                    .expectBody().jsonPath("$.text").isEqualTo("본인확인: 앞자리는 ******이고 뒷자리는 *******이라고 함");
            TicketReplied replied = events.awaitEvent(TicketReplied.class, r -> r.ticketId().equals(id), WAIT)
                    .payload();
            assertThat(replied.text()).isEqualTo("말씀하신 계좌 ****-**-***4567 로 환불됩니다");

            String stored = http.get().uri("/api/tickets/{id}", id).headers(agent(agentId)).exchange()
                    .expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody()
                    + http.get().uri("/api/tickets/{id}/notes", id).headers(agent(agentId)).exchange()
                    .expectBody(String.class).returnResult().getResponseBody()
                    + http.get().uri("/api/tickets/{id}/history", id).headers(agent(agentId)).exchange()
                    .expectBody(String.class).returnResult().getResponseBody();
            assertThat(stored).doesNotContain("4111-1111-1111-1111", "1234567", "1234-5678", "901234",
                    "９０１２３４");
        }
    }

    @Test
    void shouldExtendAFormalComplaintsDeadlineOnceAndOnlyWithANotice() {
        String lead = newId("lead");
        JsonNode ticket = open(lead, Map.of("customerId", newId("cust"), "channel", "EMAIL",
                "subject", "대출 금리 인하 요구 거절에 대한 민원", "formalComplaint", true));
        String id = ticket.get("id").asString();
        assertThat(ticket.get("sla").get("regulatoryDueAt").isNull()).isFalse();
        try (TopicProbe events = TopicProbe.on(Topics.TICKETS)) {
            http.post().uri("/api/tickets/{id}/regulatory-extension", id).headers(agent(lead))
                    .bodyValue(Map.of("customerNotice", "사실 확인이 더 필요합니다.")).exchange()
                    .expectStatus().isForbidden();
            http.post().uri("/api/tickets/{id}/regulatory-extension", id).headers(supervisor(lead))
                    .bodyValue(Map.of("customerNotice", " ")).exchange()
                    .expectStatus().isBadRequest()
                    .expectBody().jsonPath("$.errors[0].field").isEqualTo("customerNotice");
            http.post().uri("/api/tickets/{id}/regulatory-extension", id).headers(supervisor(lead))
                    .bodyValue(Map.of("customerNotice", "여신 심사 부서의 재검토가 필요하여 처리 기한을 연장합니다.")).exchange()
                    .expectStatus().isOk();
            RegulatoryDeadlineExtended extended = events.awaitEvent(RegulatoryDeadlineExtended.class,
                    e -> e.ticketId().equals(id), WAIT).payload();
            assertThat(extended.regulatoryDueAt()).isAfter(extended.previousDueAt().plus(Duration.ofDays(9)));
            assertThat(extended.customerNotice()).contains("재검토");
            http.post().uri("/api/tickets/{id}/regulatory-extension", id).headers(supervisor(lead))
                    .bodyValue(Map.of("customerNotice", "한 번 더 연장합니다.")).exchange()
                    .expectStatus().isEqualTo(409)
                    .expectBody().jsonPath("$.type").isEqualTo(PROBLEMS + "extension-used");
        }
    }

    @Test
    void shouldRefuseBadInputWithAProblemNamingTheFieldAndStoreNothing() {
        String customerId = newId("cust");
        String agentId = newId("agent");
        expectFieldError(Map.of("customerId", customerId, "channel", "FAX", "subject", "팩스 문의"), "channel");
        expectFieldError(Map.of("customerId", customerId, "channel", "PHONE"), "subject");
        expectFieldError(Map.of("customerId", Map.of("$ne", ""), "channel", "PHONE", "subject", "주입"), "customerId");
        expectFieldError(Map.of("customerId", "$where", "channel", "PHONE", "subject", "주입"), "customerId");
        expectFieldError(Map.of("customerId", customerId, "channel", "PHONE", "subject", "분류",
                "category", "PIZZA"), "category");
        expectFieldError(Map.of("customerId", customerId, "channel", "PHONE", "subject", "기한",
                "deadlineAt", "내일 오후"), "deadlineAt");
        http.post().uri("/api/tickets").headers(agent(agentId)).contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"customerId\": \"" + customerId + "\", \"channel\": ").exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        http.post().uri("/api/tickets").headers(agent(agentId)).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("customerId", customerId, "channel", "PHONE", "subject", "가".repeat(300_000)))
                .exchange()
                .expectStatus().isEqualTo(413);
        // customers do not open tickets by this API, and nobody works anonymously
        http.post().uri("/api/tickets").headers(customer(customerId))
                .bodyValue(Map.of("customerId", customerId, "channel", "PHONE", "subject", "직접 접수")).exchange()
                .expectStatus().isForbidden();
        http.get().uri("/api/tickets").exchange()
                .expectStatus().isUnauthorized()
                .expectBody().jsonPath("$.type").isEqualTo(PROBLEMS + "unauthenticated");
        http.get().uri("/api/tickets?q={q}", "x".repeat(500)).headers(agent(agentId)).exchange()
                .expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field").isEqualTo("q");
        http.get().uri("/api/tickets?stage=DONE").headers(agent(agentId)).exchange()
                .expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field").isEqualTo("stage");
        http.get().uri("/api/tickets?page=abc").headers(agent(agentId)).exchange()
                .expectStatus().isBadRequest();

        http.get().uri("/api/tickets?customerId={c}", customerId).headers(agent(agentId)).exchange()
                .expectBody().jsonPath("$.total").isEqualTo(0);
    }

    @Test
    void shouldHideOtherCustomersTicketsAndFindByText() {
        String owner = newId("cust");
        String other = newId("cust");
        String agentId = newId("agent");
        String id = open(agentId, Map.of("customerId", owner, "channel", "EMAIL",
                "subject", "외화 환전 우대율 문의 (USD)")).get("id").asString();

        http.get().uri("/api/tickets/{id}/status", id).headers(customer(other)).exchange()
                .expectStatus().isNotFound()
                .expectBody().jsonPath("$.type").isEqualTo(PROBLEMS + "not-found");
        http.get().uri("/api/tickets/{id}", id).headers(customer(other)).exchange().expectStatus().isNotFound();
        http.get().uri("/api/tickets?customerId={c}", owner).headers(customer(other)).exchange()
                .expectStatus().isForbidden();
        http.get().uri("/api/tickets").headers(customer(owner)).exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.total").isEqualTo(1)
                .jsonPath("$.items[0].assignee").doesNotExist();
        // a role claimed in a header the caller may not have grants nothing
        http.get().uri("/api/tickets/{id}", id).headers(as("x", "SYSTEM", other)).exchange()
                .expectStatus().isForbidden();

        http.get().uri("/api/tickets?q={q}&customerId={c}", "우대율", owner).headers(agent(agentId)).exchange()
                .expectBody().jsonPath("$.total").isEqualTo(1);
        http.get().uri("/api/tickets?q={q}&customerId={c}", ".*", owner).headers(agent(agentId)).exchange()
                .expectBody().jsonPath("$.total").isEqualTo(0); // typed text is literal, never a regex
    }

    private void expectFieldError(Map<String, ?> body, String field) {
        http.post().uri("/api/tickets").headers(agent("agent-1")).bodyValue(body).exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.errors[0].field").isEqualTo(field)
                .jsonPath("$.trace").doesNotExist();
    }

    /** The gateway tells a caller whose POST timed out to send it again with the same key: that must not open a second ticket. */
    @Test
    void shouldOpenOneTicketForARequestSentAgainWithItsIdempotencyKey() {
        String customerId = newId("cust");
        String agentId = newId("agent");
        String key = java.util.UUID.randomUUID().toString();
        Map<String, String> call = Map.of("customerId", customerId, "channel", "PHONE", "category", "CARD",
                "subject", "카드 재발급 신청 (전화 접수)");
        try (TopicProbe tickets = TopicProbe.on(Topics.TICKETS)) {
            JsonNode first = openWithKey(agentId, key, call);
            JsonNode again = openWithKey(agentId, key, call);
            assertThat(again.get("id").asString()).isEqualTo(first.get("id").asString());
            assertThat(again.get("number").asString()).isEqualTo(first.get("number").asString());
            // the same key with another request is refused, naming the header, and opens nothing
            http.post().uri("/api/tickets").headers(agent(agentId)).header("Idempotency-Key", key)
                    .bodyValue(Map.of("customerId", customerId, "channel", "PHONE", "subject", "다른 문의")).exchange()
                    .expectStatus().isEqualTo(422)
                    .expectBody().jsonPath("$.type").isEqualTo(PROBLEMS + "idempotency-key-reused")
                    .jsonPath("$.errors[0].field").isEqualTo("Idempotency-Key");
            // another agent's same key is another agent's request
            JsonNode colleagues = openWithKey(newId("agent"), key, call);
            assertThat(colleagues.get("id").asString()).isNotEqualTo(first.get("id").asString());
            // a key that is no id is refused before anything is stored
            http.post().uri("/api/tickets").headers(agent(agentId)).header("Idempotency-Key", "{\"$ne\": 1}")
                    .bodyValue(call).exchange()
                    .expectStatus().isBadRequest()
                    .expectBody().jsonPath("$.errors[0].field").isEqualTo("Idempotency-Key");

            for (JsonNode opened : List.of(first, colleagues)) {
                tickets.awaitEvent(TicketCreated.class, e -> e.ticketId().equals(opened.get("id").asString()), WAIT);
            }
            long created = tickets.drain(Duration.ofSeconds(2)).stream()
                    .filter(r -> r.value().contains(customerId) && r.value().contains("TicketCreated")).count();
            assertThat(created).as("one TicketCreated per request, not per send").isEqualTo(2);
        }
        http.get().uri("/api/tickets?customerId={c}", customerId).headers(agent(agentId)).exchange()
                .expectBody().jsonPath("$.total").isEqualTo(2);
    }

    private JsonNode openWithKey(String agentId, String key, Map<String, ?> body) {
        return http.post().uri("/api/tickets").headers(agent(agentId)).header("Idempotency-Key", key)
                .bodyValue(body).exchange()
                .expectStatus().isCreated()
                .returnResult(JsonNode.class).getResponseBody().blockFirst();
    }

    @Test
    void shouldCarryTheCallersTraceIntoTheEventsItCauses() {
        String customerId = newId("cust");
        String trace = "0af7651916cd43dd8448eb211c80319c";
        try (TopicProbe tickets = TopicProbe.on(Topics.TICKETS)) {
            http.post().uri("/api/tickets").headers(agent(newId("agent")))
                    .header("traceparent", "00-" + trace + "-b7ad6b7169203331-01")
                    .bodyValue(Map.of("customerId", customerId, "channel", "PHONE", "category", "FX",
                            "subject", "해외송금 수취인 정보 정정 요청"))
                    .exchange().expectStatus().isCreated();
            var record = tickets.await(r -> r.value().contains(customerId), WAIT);
            var header = record.headers().lastHeader("traceparent");
            assertThat(header).as("the event names the trace of the request that caused it").isNotNull();
            assertThat(new String(header.value(), java.nio.charset.StandardCharsets.UTF_8))
                    .startsWith("00-" + trace + "-").doesNotContain("b7ad6b7169203331");
        }
    }

    private JsonNode open(String agentId, Map<String, ?> body) {
        return http.post().uri("/api/tickets").headers(agent(agentId)).bodyValue(body).exchange()
                .expectStatus().isCreated()
                .returnResult(JsonNode.class).getResponseBody().blockFirst();
    }

    private long move(String id, String agentId, String to, long version) {
        return http.post().uri("/api/tickets/{id}/transitions", id).headers(agent(agentId))
                .bodyValue(Map.of("to", to, "version", version)).exchange()
                .expectStatus().isOk()
                .returnResult(JsonNode.class).getResponseBody().blockFirst().get("version").asLong();
    }

    private long version(String id, String agentId) {
        return http.get().uri("/api/tickets/{id}", id).headers(agent(agentId)).exchange()
                .returnResult(JsonNode.class).getResponseBody().blockFirst().get("version").asLong();
    }
}
