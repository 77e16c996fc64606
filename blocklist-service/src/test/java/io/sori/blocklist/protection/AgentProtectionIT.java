package io.sori.blocklist.protection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import io.sori.events.EventEnvelope;
import io.sori.events.Topics;
import io.sori.events.blocklist.AgentRestGranted;
import io.sori.events.blocklist.CustomerBlocked;
import io.sori.events.blocklist.CustomerUnblocked;
import io.sori.events.blocklist.CustomerWarned;
import io.sori.events.channel.Channel;
import io.sori.events.channel.InteractionRecorded;
import io.sori.testsupport.Callers;
import io.sori.testsupport.SoriIntegrationTest;
import io.sori.testsupport.TopicProbe;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/** Reports, detections, blocks, approvals, lifts and expiry over the real broker and store. */
@SoriIntegrationTest
class AgentProtectionIT {

    static final Duration WAIT = Duration.ofSeconds(30);

    @Autowired
    WebTestClient http;

    @Autowired
    ReactiveMongoTemplate mongo;

    @Test
    @SuppressWarnings("unchecked")
    void shouldWarnThenBlockWithTheWholeStateOnTheCompactedTopicThenEndTheBlockByItself() {
        String customer = newId("cust");
        try (TopicProbe blocklist = TopicProbe.on(Topics.BLOCKLIST)) {
            Map<String, Object> first = report("agent-kim", customer, "PROFANITY", "conv-1", "씨발 이것도 못 해?");
            assertThat(first).containsEntry("action", "WARNING").containsEntry("warnings", 1);
            EventEnvelope<CustomerWarned> warned = blocklist.awaitEvent(CustomerWarned.class,
                    e -> e.customerId().equals(customer), WAIT);
            assertThat(warned.aggregateId()).isEqualTo(customer);
            assertThat(warned.payload().conversationId()).isEqualTo("conv-1");
            assertThat(warned.payload().state().blocked()).isFalse();

            // the reporting agent pauses: the next assignment waits for the rest period
            EventEnvelope<AgentRestGranted> rest = blocklist.awaitEvent(AgentRestGranted.class,
                    e -> e.reportId().equals(first.get("reportId")), WAIT);
            assertThat(rest.aggregateId()).isEqualTo("agent:agent-kim");
            assertThat(rest.payload().until()).isCloseTo(Instant.now().plus(10, ChronoUnit.MINUTES),
                    within(30, ChronoUnit.SECONDS));

            Map<String, Object> second = report("agent-lee", customer, "PROFANITY", "conv-2", "ㅅㅂ 또 너냐");
            assertThat(second).containsEntry("action", "BLOCK").containsEntry("pendingApproval", false);
            assertThat(Instant.parse((String) second.get("until"))).isAfter(Instant.now());
            EventEnvelope<CustomerBlocked> blocked = blocklist.awaitEvent(CustomerBlocked.class,
                    e -> e.customerId().equals(customer), WAIT);
            assertThat(blocked.aggregateId()).isEqualTo(customer);
            assertThat(blocked.payload().blockId()).isEqualTo(second.get("blockId"));
            assertThat(blocked.payload().state().blocked()).isTrue();
            assertThat(blocked.payload().state().until()).isEqualTo(Instant.parse((String) second.get("until")));
            assertThat(blocked.payload().state().channels())
                    .containsExactly(Channel.CHAT, Channel.TALK, Channel.INQUIRY, Channel.COMPLAINT);

            // four seconds later it ends by itself, evented
            EventEnvelope<CustomerUnblocked> expired = blocklist.awaitEvent(CustomerUnblocked.class,
                    e -> e.customerId().equals(customer), WAIT);
            assertThat(expired.payload().reason()).isEqualTo("EXPIRED");
            assertThat(expired.payload().liftedBy()).isEqualTo("system");
            assertThat(expired.payload().state().blocked()).isFalse();
        }
        http.get().uri("/api/blocklist/customers/{id}", customer).headers(Callers.agent("agent-kim")).exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.state.blocked").isEqualTo(false)
                .jsonPath("$.reports.length()").isEqualTo(2)
                .jsonPath("$.blocks[0].status").isEqualTo("EXPIRED")
                .jsonPath("$.history[*].action").value(actions -> assertThat((List<Object>) actions)
                        .contains("REPORTED", "AGENT_REST", "EXPIRED"));
    }

    @Test
    void shouldBlockAThreatAtOnceOnTheChosenChannelsAndLetOnlyASupervisorLiftIt() {
        String customer = newId("cust");
        Map<String, Object> threat = post("/api/blocklist/reports", Callers.agent("agent-kim"), Map.of(
                "customerId", customer, "reason", "THREAT", "ticketId", "t-1",
                "evidence", "지점에 칼 들고 찾아간다", "channels", List.of("CHAT", "TALK")), 201);
        assertThat(threat).containsEntry("action", "BLOCK").containsEntry("channels", List.of("CHAT", "TALK"));
        String blockId = (String) threat.get("blockId");

        // agents and customers never lift or approve, customers never read
        http.post().uri("/api/blocklist/blocks/{id}/lift", blockId).headers(Callers.agent("agent-kim"))
                .bodyValue(Map.of("reason", "봐주자")).exchange()
                .expectStatus().isForbidden()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.type").isEqualTo("https://sori.io/problems/forbidden");
        http.post().uri("/api/blocklist/blocks/{id}/approve", blockId).headers(Callers.agent("agent-kim"))
                .bodyValue(Map.of("decision", "PERMANENT")).exchange().expectStatus().isForbidden();
        http.get().uri("/api/blocklist/customers/{id}", customer).headers(Callers.customer(customer)).exchange()
                .expectStatus().isForbidden();
        http.get().uri("/api/blocklist/customers/{id}/evidence", customer).headers(Callers.customer(customer))
                .exchange().expectStatus().isForbidden();
        http.post().uri("/api/blocklist/reports").headers(Callers.customer(customer))
                .bodyValue(Map.of("customerId", "cust-other", "reason", "SPAM", "ticketId", "t", "evidence", "x"))
                .exchange().expectStatus().isForbidden();

        http.get().uri("/api/blocklist/blocks?active=true").headers(Callers.supervisor("lead-park")).exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$[?(@.blockId == '" + blockId + "')].reason").isEqualTo(List.of("THREAT"));

        try (TopicProbe blocklist = TopicProbe.on(Topics.BLOCKLIST)) {
            post("/api/blocklist/blocks/" + blockId + "/lift", Callers.supervisor("lead-park"),
                    Map.of("reason", "이의 신청 인용: 녹취 확인 결과 오인 신고"), 200);
            EventEnvelope<CustomerUnblocked> lifted = blocklist.awaitEvent(CustomerUnblocked.class,
                    e -> e.customerId().equals(customer), WAIT);
            assertThat(lifted.payload().liftedBy()).isEqualTo("lead-park");
            assertThat(lifted.payload().reason()).contains("이의 신청 인용");
            assertThat(lifted.payload().state().blocked()).isFalse();
        }
        http.post().uri("/api/blocklist/blocks/{id}/lift", blockId).headers(Callers.supervisor("lead-park"))
                .bodyValue(Map.of("reason", "again")).exchange()
                .expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.type").isEqualTo("https://sori.io/problems/not-in-force");
    }

    @Test
    void shouldHoldTheMonthUntilASupervisorApprovesAPermanentBlock() {
        String customer = newId("cust");
        for (int i = 0; i < 4; i++) {
            report("agent-kim", customer, "OBSTRUCTION", "conv-" + i, "업무 방해 " + i);
        }
        Map<String, Object> fifth = report("agent-kim", customer, "OBSTRUCTION", "conv-5", "업무 방해 다섯 번째");
        assertThat(fifth).containsEntry("action", "PERMANENT_BLOCK").containsEntry("pendingApproval", true);
        assertThat(Instant.parse((String) fifth.get("until"))).isAfter(Instant.now().plus(1, ChronoUnit.HOURS));
        String blockId = (String) fifth.get("blockId");

        http.post().uri("/api/blocklist/blocks/{id}/approve", blockId).headers(Callers.agent("agent-kim"))
                .bodyValue(Map.of()).exchange().expectStatus().isForbidden();
        try (TopicProbe blocklist = TopicProbe.on(Topics.BLOCKLIST)) {
            post("/api/blocklist/blocks/" + blockId + "/approve", Callers.supervisor("lead-park"),
                    Map.of("decision", "PERMANENT", "reason", "다섯 번째 업무 방해, 녹취 확인"), 200);
            EventEnvelope<CustomerBlocked> permanent = blocklist.awaitEvent(CustomerBlocked.class,
                    e -> e.blockId().equals(blockId) && e.state().until() == null, WAIT);
            assertThat(permanent.payload().state().blocked()).isTrue();
        }
        http.post().uri("/api/blocklist/blocks/{id}/approve", blockId).headers(Callers.supervisor("lead-park"))
                .bodyValue(Map.of()).exchange()
                .expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.type").isEqualTo("https://sori.io/problems/not-pending");
    }

    @Test
    void shouldDetectAbuseInChatAndWarnTheCustomerInThatConversationCountingItOnce() {
        String customer = newId("cust");
        String conversation = newId("conv");
        try (TopicProbe blocklist = TopicProbe.on(Topics.BLOCKLIST)) {
            TopicProbe.send(chat(customer, conversation, "카드 다시 발급해 주세요"));
            var first = chat(customer, conversation, "ㅅㅂ 왜 또 안 되냐고");
            TopicProbe.send(first);
            EventEnvelope<CustomerWarned> warned = blocklist.awaitEvent(CustomerWarned.class,
                    e -> e.customerId().equals(customer), WAIT);
            assertThat(warned.payload().conversationId()).isEqualTo(conversation);
            assertThat(warned.payload().reason()).isEqualTo("PROFANITY");
            assertThat(warned.payload().warnings()).isEqualTo(1);

            TopicProbe.send(chat(customer, conversation, "tlqkf 진짜"));
            TopicProbe.send(EventEnvelope.of(first.payload(), first.correlationId(), Instant.now())); // redelivered
            EventEnvelope<CustomerWarned> again = blocklist.awaitEvent(CustomerWarned.class,
                    e -> e.customerId().equals(customer) && !e.reportId().equals(warned.payload().reportId()), WAIT);
            assertThat(again.payload().warnings()).isEqualTo(1); // the conversation counted already
        }
        await().atMost(WAIT).untilAsserted(() -> http.get().uri("/api/blocklist/customers/{id}", customer)
                .headers(Callers.supervisor("lead-park")).exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.detections.length()").isEqualTo(2)
                .jsonPath("$.reports.length()").isEqualTo(1)
                .jsonPath("$.reports[0].source").isEqualTo("DETECTION")
                .jsonPath("$.detections[1].matched[0]").isEqualTo("tlqkf"));

        // a detection counts toward the policy: the agent's report now blocks at once
        assertThat(report("agent-kim", customer, "PROFANITY", conversation, "욕설 반복"))
                .containsEntry("action", "BLOCK");
    }

    @Test
    void shouldExportTheEvidencePackAsJsonAndAsReadableMarkdown() {
        String customer = newId("cust");
        report("agent-kim", customer, "SEXUAL_HARASSMENT", "conv-9", "목소리 섹시하네 | 끝나고 만나자");
        http.get().uri("/api/blocklist/customers/{id}/evidence", customer).headers(Callers.supervisor("lead-park"))
                .exchange()
                .expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_JSON)
                .expectBody()
                .jsonPath("$.customerId").isEqualTo(customer)
                .jsonPath("$.generatedBy").isEqualTo("lead-park")
                .jsonPath("$.reports[0].evidence").isEqualTo("목소리 섹시하네 | 끝나고 만나자")
                .jsonPath("$.blocks[0].reason").isEqualTo("SEXUAL_HARASSMENT");
        String markdown = http.get().uri("/api/blocklist/customers/{id}/evidence", customer)
                .headers(Callers.agent("agent-kim")).accept(MediaType.parseMediaType("text/markdown")).exchange()
                .expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(MediaType.parseMediaType("text/markdown"))
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(markdown).contains("# 고객 응대 근로자 보호 증거 자료", "산업안전보건법", "SEXUAL_HARASSMENT",
                "목소리 섹시하네 \\| 끝나고 만나자", "KST", "agent-kim");
        assertThat(http.get().uri("/api/blocklist/customers/{id}/evidence?format=md", customer)
                .headers(Callers.agent("agent-kim")).exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody()).isEqualTo(markdown);
    }

    @Test
    void shouldRefuseABadReportNamingTheFieldAndStoreNothing() {
        String customer = newId("cust");
        http.post().uri("/api/blocklist/reports").headers(Callers.agent("agent-kim"))
                .bodyValue(Map.of("customerId", customer, "reason", "RUDE", "ticketId", "t-1", "evidence", "x"))
                .exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("reason");
        http.post().uri("/api/blocklist/reports").headers(Callers.agent("agent-kim"))
                .bodyValue(Map.of("customerId", customer, "reason", "SPAM", "evidence", "광고 도배"))
                .exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("conversationId");
        http.post().uri("/api/blocklist/reports").headers(Callers.agent("agent-kim"))
                .bodyValue(Map.of("customerId", "bad id!", "reason", "SPAM", "ticketId", "t", "evidence", "x"))
                .exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("customerId");
        http.get().uri("/api/blocklist/customers/{id}", customer).headers(Callers.agent("agent-kim")).exchange()
                .expectStatus().isNotFound();
    }

    @Test
    void shouldFileAReportOnceForOneIdempotencyKey() {
        String customer = newId("cust");
        Map<String, Object> body = Map.of("customerId", customer, "reason", "SPAM", "conversationId", "conv-1",
                "evidence", "같은 광고 50회 반복");
        Map<String, Object> first = http.post().uri("/api/blocklist/reports").headers(Callers.agent("agent-kim"))
                .header("Idempotency-Key", "key-1").bodyValue(body).exchange()
                .expectStatus().isCreated().expectBody(MAP).returnResult().getResponseBody();
        Map<String, Object> again = http.post().uri("/api/blocklist/reports").headers(Callers.agent("agent-kim"))
                .header("Idempotency-Key", "key-1").bodyValue(body).exchange()
                .expectStatus().isCreated().expectBody(MAP).returnResult().getResponseBody();
        assertThat(again).containsEntry("reportId", first.get("reportId")).containsEntry("action", "WARNING");
        http.get().uri("/api/blocklist/customers/{id}", customer).headers(Callers.agent("agent-kim")).exchange()
                .expectBody().jsonPath("$.reports.length()").isEqualTo(1);
    }

    @Test
    void shouldCountReportsDetectionsActiveBlocksAndLiftsForPrometheus() {
        String customer = newId("cust");
        Map<String, Object> threat = report("agent-kim", customer, "THREAT", "conv-1", "죽여버린다");
        TopicProbe.send(chat(customer, newId("conv"), "병 신 같은 은행"));
        await().atMost(WAIT).untilAsserted(() -> assertThat(scrape())
                .contains("sori_blocklist_reports_total{application=\"blocklist-service\",reason=\"THREAT\",source=\"AGENT\"}")
                .contains("sori_profanity_detections_total{application=\"blocklist-service\",category=\"PROFANITY\"}")
                .containsPattern("sori_blocks_active\\{application=\"blocklist-service\",reason=\"THREAT\"} [1-9]"));
        post("/api/blocklist/blocks/" + threat.get("blockId") + "/lift", Callers.supervisor("lead-park"),
                Map.of("reason", "오인 신고"), 200);
        assertThat(scrape()).contains("sori_blocks_lifted_total{application=\"blocklist-service\",reason=\"LIFTED\"}");
    }

    private String scrape() {
        return http.mutate().codecs(c -> c.defaultCodecs().maxInMemorySize(16 * 1024 * 1024)).build()
                .get().uri("/actuator/prometheus").exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
    }

    private Map<String, Object> report(String agent, String customer, String reason, String conversation,
            String evidence) {
        return post("/api/blocklist/reports", Callers.agent(agent), Map.of("customerId", customer, "reason", reason,
                "conversationId", conversation, "evidence", evidence), 201);
    }

    private Map<String, Object> post(String uri, java.util.function.Consumer<org.springframework.http.HttpHeaders> caller,
            Object body, int status) {
        return http.post().uri(uri).headers(caller).bodyValue(body).exchange()
                .expectStatus().isEqualTo(status)
                .expectBody(MAP).returnResult().getResponseBody();
    }

    static EventEnvelope<InteractionRecorded> chat(String customer, String conversation, String text) {
        return EventEnvelope.of(new InteractionRecorded(newId("int"), conversation, customer, Channel.CHAT, "MESSAGE",
                true, null, text, null, null, false, null, false, List.of(), Instant.now(), false), newId("corr"),
                Instant.now());
    }

    static String newId(String prefix) {
        return prefix + "-" + UUID.randomUUID();
    }

    private static final org.springframework.core.ParameterizedTypeReference<Map<String, Object>> MAP =
            new org.springframework.core.ParameterizedTypeReference<>() {
            };
}
