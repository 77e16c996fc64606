package io.sori.ticket.quality;

import static io.sori.testsupport.Callers.agent;
import static io.sori.testsupport.Callers.customer;
import static io.sori.ticket.TicketTestSupport.newId;
import static org.assertj.core.api.Assertions.assertThat;

import io.sori.events.EventEnvelope;
import io.sori.events.Topics;
import io.sori.events.channel.Channel;
import io.sori.events.survey.LowSatisfactionReported;
import io.sori.events.ticket.TicketReopened;
import io.sori.testsupport.SoriIntegrationTest;
import io.sori.testsupport.TopicProbe;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;

/** survey-service's low-score report, consumed from the real broker: a quality-review flag, and a reopen by policy. */
@SoriIntegrationTest
class LowSatisfactionIT {

    private static final Duration WAIT = Duration.ofSeconds(20);

    @Autowired
    WebTestClient http;

    @Test
    void shouldFlagAResolvedTicketForReviewAndReopenItWhenTheCustomerSaysItWasNotResolved() {
        String agentId = newId("agent");
        String customerId = newId("cust");
        String id = resolvedTicket(agentId, customerId);
        String surveyId = newId("srv");
        EventEnvelope<LowSatisfactionReported> report = EventEnvelope.of(new LowSatisfactionReported(surveyId, id,
                customerId, 3, "이체한도 증액 서류 안내가 없었어요", false, agentId, Channel.CHAT, "TRANSFER_LIMIT"),
                newId("corr"), Instant.now());
        try (TopicProbe events = TopicProbe.on(Topics.TICKETS)) {
            TopicProbe.send(report);
            assertThat(events.awaitEvent(TicketReopened.class, r -> r.ticketId().equals(id), WAIT).payload().reason())
                    .isEqualTo("LOW_SATISFACTION");
        }
        // the same report again (a producer's retry under a new event id) flags and reopens nothing more
        TopicProbe.send(EventEnvelope.of(report.payload(), report.correlationId(), Instant.now()));

        http.get().uri("/api/tickets/{id}", id).headers(agent(agentId)).exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.stage").isEqualTo("IN_REVIEW")
                .jsonPath("$.reopenCount").isEqualTo(1)
                .jsonPath("$.qualityReview.surveyId").isEqualTo(surveyId)
                .jsonPath("$.qualityReview.overall").isEqualTo(3)
                .jsonPath("$.qualityReview.resolved").isEqualTo(false)
                .jsonPath("$.qualityReview.reopened").isEqualTo(true)
                .jsonPath("$.qualityReview.comment").isEqualTo("이체한도 증액 서류 안내가 없었어요");
        Awaitility.await().during(Duration.ofSeconds(2)).atMost(WAIT).untilAsserted(() ->
                assertThat(history(id, agentId).findValues("action").stream()
                        .filter(a -> a.asString().equals("QUALITY_REVIEW_FLAGGED")).count()).isEqualTo(1));
        // the customer's own view shows no review
        http.get().uri("/api/tickets/{id}", id).headers(customer(customerId)).exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.qualityReview").doesNotExist();
    }

    @Test
    void shouldFlagAClosedTicketForReviewButLeaveItClosed() {
        String agentId = newId("agent");
        String customerId = newId("cust");
        String id = resolvedTicket(agentId, customerId);
        move(id, agentId, "CLOSED", version(id, agentId));
        String surveyId = newId("srv");
        TopicProbe.send(EventEnvelope.of(new LowSatisfactionReported(surveyId, id, customerId, 1, "답변이 늦었어요"),
                newId("corr"), Instant.now()));

        Awaitility.await().atMost(WAIT).untilAsserted(() -> http.get().uri("/api/tickets/{id}", id)
                .headers(agent(agentId)).exchange()
                .expectBody()
                .jsonPath("$.qualityReview.surveyId").isEqualTo(surveyId)
                .jsonPath("$.qualityReview.reopened").isEqualTo(false)
                .jsonPath("$.stage").isEqualTo("CLOSED")
                .jsonPath("$.reopenCount").isEqualTo(0));
        assertThat(history(id, agentId).toString()).contains("QUALITY_REVIEW_FLAGGED", surveyId);
    }

    private String resolvedTicket(String agentId, String customerId) {
        JsonNode ticket = http.post().uri("/api/tickets").headers(agent(agentId))
                .bodyValue(Map.of("customerId", customerId, "channel", "CHAT",
                        "subject", "이체한도를 올리고 싶어요", "description", "채팅 상담: 이체한도 증액 문의"))
                .exchange().expectStatus().isCreated()
                .returnResult(JsonNode.class).getResponseBody().blockFirst();
        String id = ticket.get("id").asString();
        long v = ticket.get("version").asLong();
        v = move(id, agentId, "IN_REVIEW", v);
        v = move(id, agentId, "SOLUTION_PROPOSED", v);
        move(id, agentId, "RESOLVED", v);
        return id;
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

    private JsonNode history(String id, String agentId) {
        return http.get().uri("/api/tickets/{id}/history", id).headers(agent(agentId)).exchange()
                .expectStatus().isOk()
                .expectBody(JsonNode.class).returnResult().getResponseBody();
    }
}
