package io.sori.survey.stats;

import static io.sori.survey.SurveyEvents.newId;
import static io.sori.survey.SurveyEvents.resolveTicket;
import static io.sori.testsupport.Callers.agent;
import static io.sori.testsupport.Callers.customer;
import static org.assertj.core.api.Assertions.assertThat;

import io.sori.events.channel.Channel;
import io.sori.survey.TestClock;
import io.sori.survey.survey.Survey;
import io.sori.testsupport.SoriIntegrationTest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The roll-up arithmetic on a known data set, in a period of its own (the clock pinned to March
 * 2031, 10:00 in Seoul): agent A answered 5, 5, 4, 5, 5 on chat; agent B 1, 3, 5 on the phone, with
 * a fourth survey unanswered.
 */
@SoriIntegrationTest
class SurveyStatsIT {

    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final Instant START = Instant.parse("2031-03-10T01:00:00Z");

    @Autowired
    WebTestClient http;
    @Autowired
    ReactiveMongoTemplate mongo;

    @AfterEach
    void realTime() {
        TestClock.CLOCK.reset();
    }

    @Test
    void shouldRollUpCsatScoreResponseRateAndStreaksOnAKnownDataSet() {
        String agentA = newId("agent-a");
        String agentB = newId("agent-b");
        TestClock.CLOCK.set(START);
        List<String> tokensA = issue(5, agentA, Channel.CHAT, "CARD", "CARD");
        List<String> tokensB = issue(4, agentB, Channel.PHONE, "LOAN_JEONSE", "LOAN_JEONSE");
        answer(tokensA, 5, 5, 4, 5, 5);
        answer(tokensB.subList(0, 3), 1, 3, 5);

        String period = "from=2031-03-10&to=2031-03-10"; // one day in Seoul
        http.get().uri("/api/surveys/stats?groupBy=agent&" + period).headers(agent("lead-stats")).exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.groups.length()").isEqualTo(2)
                .jsonPath("$.groups[?(@.key == '" + agentA + "')].responses").isEqualTo(5)
                .jsonPath("$.groups[?(@.key == '" + agentA + "')].csat").isEqualTo(1.0)
                .jsonPath("$.groups[?(@.key == '" + agentA + "')].score100").isEqualTo(95.0)
                .jsonPath("$.groups[?(@.key == '" + agentA + "')].responseRate").isEqualTo(1.0)
                .jsonPath("$.groups[?(@.key == '" + agentA + "')].streak.current").isEqualTo(2)
                .jsonPath("$.groups[?(@.key == '" + agentA + "')].streak.best").isEqualTo(2)
                .jsonPath("$.groups[?(@.key == '" + agentB + "')].responses").isEqualTo(3)
                .jsonPath("$.groups[?(@.key == '" + agentB + "')].csat").isEqualTo(0.3333)
                .jsonPath("$.groups[?(@.key == '" + agentB + "')].score100").isEqualTo(50.0)
                .jsonPath("$.groups[?(@.key == '" + agentB + "')].issued").isEqualTo(4)
                .jsonPath("$.groups[?(@.key == '" + agentB + "')].responseRate").isEqualTo(0.75)
                .jsonPath("$.groups[?(@.key == '" + agentB + "')].streak.current").isEqualTo(1)
                .jsonPath("$.total.responses").isEqualTo(8)
                .jsonPath("$.total.csat").isEqualTo(0.75)
                .jsonPath("$.total.score100").isEqualTo(78.1)
                .jsonPath("$.total.issued").isEqualTo(9)
                .jsonPath("$.total.responseRate").isEqualTo(0.8889);

        http.get().uri("/api/surveys/stats?groupBy=channel&" + period).headers(agent("lead-stats")).exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.groups[?(@.key == 'CHAT')].score100").isEqualTo(95.0)
                .jsonPath("$.groups[?(@.key == 'PHONE')].csat").isEqualTo(0.3333);
        http.get().uri("/api/surveys/stats?groupBy=team&" + period).headers(agent("lead-stats")).exchange()
                .expectBody().jsonPath("$.groups[?(@.key == 'LOAN_JEONSE')].responses").isEqualTo(3);
        http.get().uri("/api/surveys/stats?groupBy=day&" + period).headers(agent("lead-stats")).exchange()
                .expectBody()
                .jsonPath("$.groups.length()").isEqualTo(1)
                .jsonPath("$.groups[0].key").isEqualTo("2031-03-10")
                .jsonPath("$.groups[0].responses").isEqualTo(8);
        http.get().uri("/api/surveys/stats?groupBy=week&" + period).headers(agent("lead-stats")).exchange()
                .expectBody().jsonPath("$.groups[0].key").isEqualTo("2031-W11");
        http.get().uri("/api/surveys/stats?groupBy=month&from=2031-03-01T00:00:00Z&to=2031-04-01T00:00:00Z")
                .headers(agent("lead-stats")).exchange()
                .expectBody()
                .jsonPath("$.groups[?(@.key == '2031-03')].responses").isEqualTo(8)
                .jsonPath("$.groups[?(@.key == '2031-03')].csat").isEqualTo(0.75);
        // the next day holds none of it
        http.get().uri("/api/surveys/stats?groupBy=agent&from=2031-03-11&to=2031-03-11").headers(agent("lead-stats"))
                .exchange().expectBody().jsonPath("$.groups.length()").isEqualTo(0)
                .jsonPath("$.total.csat").doesNotExist();

        TestClock.CLOCK.reset();
        http.mutate().codecs(c -> c.defaultCodecs().maxInMemorySize(16 * 1024 * 1024)).build()
                .get().uri("/actuator/prometheus").exchange()
                .expectBody(String.class).value(body -> assertThat(body)
                        .contains("sori_surveys_issued_total{", "sori_surveys_answered_total{", "sori_survey_score_bucket{",
                                "sori_surveys_low_satisfaction_total{"));
    }

    @Test
    void shouldShowTheStatisticsToStaffOnlyAndNameABadParameter() {
        http.get().uri("/api/surveys/stats").exchange().expectStatus().isUnauthorized();
        http.get().uri("/api/surveys/stats").headers(customer(newId("cust"))).exchange().expectStatus().isForbidden();
        http.get().uri("/api/surveys/stats?groupBy=customer").headers(agent("lead-stats")).exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("groupBy");
        http.get().uri("/api/surveys/stats?from=어제").headers(agent("lead-stats")).exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("from");
        http.get().uri("/api/surveys/stats?from=2031-03-11&to=2031-03-10").headers(agent("lead-stats")).exchange()
                .expectStatus().isBadRequest();
    }

    private List<String> issue(int count, String agentId, Channel channel, String category, String team) {
        List<String> tokens = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String ticketId = newId("t");
            resolveTicket(ticketId, newId("cust"), channel, category, team, agentId);
            tokens.add(Awaitility.await().atMost(WAIT).until(() -> mongo.findOne(Query.query(
                    Criteria.where("ticketId").is(ticketId)), Survey.class).block(), s -> s != null).token());
        }
        return tokens;
    }

    /** Answers in order, a minute apart. */
    private void answer(List<String> tokens, int... overall) {
        for (int i = 0; i < tokens.size(); i++) {
            TestClock.CLOCK.advance(Duration.ofMinutes(1));
            http.post().uri("/api/surveys/{token}/responses", tokens.get(i))
                    .bodyValue(Map.of("answers", Map.of("overall", overall[i], "speed", 4, "resolved", true)))
                    .exchange().expectStatus().isCreated();
        }
    }
}
