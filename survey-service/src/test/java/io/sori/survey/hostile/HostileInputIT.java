package io.sori.survey.hostile;

import static io.sori.survey.SurveyEvents.newId;
import static io.sori.survey.SurveyEvents.resolveTicket;
import static org.assertj.core.api.Assertions.assertThat;

import io.sori.events.channel.Channel;
import io.sori.survey.survey.Survey;
import io.sori.testsupport.Callers;
import io.sori.testsupport.SoriIntegrationTest;
import io.sori.testsupport.hostile.HostileSweep;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Every public endpoint of survey-service under hostile input (generated from its OpenAPI
 * document, see docs/hostile-input.md): refused with problem details, nothing kept, still serving.
 */
@SoriIntegrationTest
class HostileInputIT {

    @Autowired
    WebTestClient http;

    @Autowired
    ReactiveMongoTemplate mongo;

    private Survey issue(String customerId) {
        String ticketId = newId("t");
        resolveTicket(ticketId, customerId, Channel.CHAT, "CARD", "CARD", "agent-lee");
        return Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> mongo.findOne(
                Query.query(Criteria.where("ticketId").is(ticketId)), Survey.class).block(), s -> s != null);
    }

    @Test
    void shouldRefuseHostileInputOnEveryEndpointWithProblemsAndKeepNothing() {
        String token = issue(newId("cust")).token();
        String spare = issue(newId("cust")).token();
        HostileSweep.Report report = HostileSweep.of(http, mongo)
                .callers(e -> Callers.supervisor("lead-hostile"))
                .pathValue("token", token)
                .sample("POST /api/surveys/{token}/responses",
                        "{\"answers\":{\"overall\":5,\"speed\":4,\"resolved\":true,\"missingInfo\":\"{m} 없어요\"}}")
                .sample("POST /api/surveys/campaigns", "{\"name\":\"{m} 분기 관계 설문\",\"closedFrom\":\"2026-01-01T00:00:00Z\","
                        + "\"closedTo\":\"2026-02-01T00:00:00Z\"}")
                .stillServes(client -> client.get().uri("/api/surveys/{token}", spare).exchange().expectStatus().isOk())
                .run();
        assertThat(report.endpoints()).contains("GET /api/surveys/{token}", "POST /api/surveys/{token}/responses",
                "GET /api/surveys/stats", "POST /api/surveys/campaigns", "GET /api/surveys/campaigns");
    }

    @Test
    void shouldNotShowSurveyStatsOrCampaignsToACustomer() {
        String owner = newId("cust-owner");
        Survey survey = issue(owner);
        List<String> read = HostileSweep.of(http, mongo).crossCustomer(Callers.customer(newId("cust-stranger")),
                Map.of("customerId", owner, "ticketId", survey.ticketId()));
        assertThat(read).contains("GET /api/surveys/stats", "GET /api/surveys/campaigns");
    }
}
