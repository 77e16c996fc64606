package io.sori.survey.campaign;

import static io.sori.survey.SurveyEvents.closeTicket;
import static io.sori.survey.SurveyEvents.newId;
import static io.sori.testsupport.Callers.agent;
import static io.sori.testsupport.Callers.supervisor;
import static org.assertj.core.api.Assertions.assertThat;

import io.sori.events.Topics;
import io.sori.events.channel.Channel;
import io.sori.events.survey.SurveyIssued;
import io.sori.survey.survey.Survey;
import io.sori.testsupport.SoriIntegrationTest;
import io.sori.testsupport.TopicProbe;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;

/** A relationship-survey campaign over the tickets closed in a period: once per customer, same delivery and roll-ups. */
@SoriIntegrationTest
class CampaignIT {

    private static final Duration WAIT = Duration.ofSeconds(20);

    @Autowired
    WebTestClient http;
    @Autowired
    ReactiveMongoTemplate mongo;

    @Test
    void shouldSurveyEachCustomerWhoseTicketClosedInThePeriodOnce() {
        // a period of its own: May 2031
        String kim = newId("cust-kim");
        String lee = newId("cust-lee");
        String later = newId("cust-later");
        closeTicket(newId("t"), kim, Channel.EMAIL, "FX", Instant.parse("2031-05-02T03:00:00Z"));
        closeTicket(newId("t"), kim, Channel.CHAT, "CARD", Instant.parse("2031-05-20T03:00:00Z"));
        String leeTicket = newId("t");
        closeTicket(leeTicket, lee, Channel.TALK, "ACCOUNT", Instant.parse("2031-05-11T03:00:00Z"));
        closeTicket(newId("t"), later, Channel.CHAT, "CARD", Instant.parse("2031-06-02T03:00:00Z"));
        Awaitility.await().atMost(WAIT).until(() -> mongo.exists(Query.query(Criteria.where("customerId").is(later)
                .and("closedAt").exists(true)), "ticket_facts").block());

        Map<String, Object> body = Map.of("name", "2031년 5월 고객센터 만족도(CSI)",
                "closedFrom", "2031-05-01T00:00:00Z", "closedTo", "2031-06-01T00:00:00Z");
        http.post().uri("/api/surveys/campaigns").headers(agent("agent-choi")).bodyValue(body).exchange()
                .expectStatus().isForbidden();
        http.post().uri("/api/surveys/campaigns").headers(supervisor("lead-park"))
                .bodyValue(Map.of("name", "거꾸로", "closedFrom", "2031-06-01T00:00:00Z",
                        "closedTo", "2031-05-01T00:00:00Z")).exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("closedTo");

        String key = newId("idem");
        try (TopicProbe surveys = TopicProbe.on(Topics.SURVEYS)) {
            JsonNode started = http.post().uri("/api/surveys/campaigns").headers(supervisor("lead-park"))
                    .header("Idempotency-Key", key).bodyValue(body).exchange()
                    .expectStatus().isCreated()
                    .expectBody(JsonNode.class).returnResult().getResponseBody();
            String campaignId = started.get("id").asString();
            // the same request retried starts nothing new
            http.post().uri("/api/surveys/campaigns").headers(supervisor("lead-park"))
                    .header("Idempotency-Key", key).bodyValue(body).exchange()
                    .expectStatus().isCreated()
                    .expectBody().jsonPath("$.id").isEqualTo(campaignId);

            Awaitility.await().atMost(WAIT).untilAsserted(() -> http.get()
                    .uri("/api/surveys/campaigns/{id}", campaignId).headers(agent("agent-choi")).exchange()
                    .expectBody()
                    .jsonPath("$.status").isEqualTo("DONE")
                    .jsonPath("$.customers").isEqualTo(2)
                    .jsonPath("$.issued").isEqualTo(2));
            SurveyIssued toKim = surveys.awaitEvent(SurveyIssued.class, s -> kim.equals(s.customerId()), WAIT)
                    .payload();
            assertThat(toKim.campaignId()).isEqualTo(campaignId);
            assertThat(toKim.channel()).isEqualTo(Channel.CHAT); // the channel of the latest closed ticket
            assertThat(toKim.ticketId()).isNull();
            assertThat(mongo.count(Query.query(Criteria.where("campaignId").is(campaignId)), Survey.class).block())
                    .isEqualTo(2);
            assertThat(mongo.exists(Query.query(Criteria.where("customerId").is(later)
                    .and("campaignId").is(campaignId)), Survey.class).block()).isFalse();

            // the relationship questions: "resolved" belongs to the consultation set and is refused here
            String token = surveys.awaitEvent(SurveyIssued.class, s -> lee.equals(s.customerId()), WAIT).payload()
                    .token();
            http.get().uri("/api/surveys/{token}", token).exchange()
                    .expectStatus().isOk()
                    .expectBody()
                    .jsonPath("$.kind").isEqualTo("CAMPAIGN")
                    .jsonPath("$.questionSetId").isEqualTo("relationship");
            http.post().uri("/api/surveys/{token}/responses", token)
                    .bodyValue(Map.of("answers", Map.of("overall", 4, "resolved", true))).exchange()
                    .expectStatus().isBadRequest()
                    .expectBody().jsonPath("$.errors[0].field").isEqualTo("answers.resolved");
            http.post().uri("/api/surveys/{token}/responses", token)
                    .bodyValue(Map.of("answers", Map.of("overall", 4, "missingInfo", "대기 시간이 조금 길었어요"))).exchange()
                    .expectStatus().isCreated();

            http.get().uri("/api/surveys/stats?groupBy=channel&kind=CAMPAIGN&campaignId=" + campaignId)
                    .headers(agent("agent-choi")).exchange()
                    .expectStatus().isOk()
                    .expectBody()
                    .jsonPath("$.total.issued").isEqualTo(2)
                    .jsonPath("$.total.responses").isEqualTo(1)
                    .jsonPath("$.total.csat").isEqualTo(1.0)
                    .jsonPath("$.total.responseRate").isEqualTo(0.5)
                    .jsonPath("$.groups[?(@.key == 'TALK')].score100").isEqualTo(75.0);
        }
        assertThat(List.of(kim, lee)).allSatisfy(c -> assertThat(mongo.count(Query.query(
                Criteria.where("customerId").is(c).and("kind").is(Survey.Kind.CAMPAIGN)), Survey.class).block())
                .isEqualTo(1));
    }
}
