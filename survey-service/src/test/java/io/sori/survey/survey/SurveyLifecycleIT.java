package io.sori.survey.survey;

import static io.sori.survey.SurveyEvents.newId;
import static io.sori.survey.SurveyEvents.resolveTicket;
import static org.assertj.core.api.Assertions.assertThat;

import io.sori.events.EventEnvelope;
import io.sori.events.Topics;
import io.sori.events.channel.Channel;
import io.sori.events.survey.LowSatisfactionReported;
import io.sori.events.survey.SurveyAnswered;
import io.sori.events.survey.SurveyIssued;
import io.sori.events.ticket.TicketResolved;
import io.sori.survey.TestClock;
import io.sori.testsupport.Callers;
import io.sori.testsupport.SoriIntegrationTest;
import io.sori.testsupport.TopicProbe;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.core.publisher.Flux;
import reactor.core.scheduler.Schedulers;

/** A consultation's survey over the real broker and store: issued once, answered once, expiring, refusing bad input. */
@SoriIntegrationTest
class SurveyLifecycleIT {

    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final String PROBLEMS = "https://sori.io/problems/";

    @Autowired
    WebTestClient http;
    @Autowired
    ReactiveMongoTemplate mongo;

    @AfterEach
    void realTime() {
        TestClock.CLOCK.reset();
    }

    @Test
    void shouldIssueOneSurveyPerResolvedTicketHoweverOftenTheResolutionIsDelivered() {
        String ticketId = newId("t");
        String customerId = newId("cust");
        try (TopicProbe surveys = TopicProbe.on(Topics.SURVEYS)) {
            EventEnvelope<TicketResolved> resolved = resolveTicket(ticketId, customerId, Channel.TALK,
                    "TRANSFER_LIMIT", "TRANSFER_LIMIT", "agent-kim");
            // the same event redelivered, and the producer's retry under a new event id
            TopicProbe.send(resolved);
            TopicProbe.send(EventEnvelope.of(resolved.payload(), resolved.correlationId(), Instant.now()));

            SurveyIssued issued = surveys.awaitEvent(SurveyIssued.class, s -> ticketId.equals(s.ticketId()), WAIT)
                    .payload();
            assertThat(issued.token()).matches("[A-Za-z0-9_-]{43}");
            assertThat(issued.channel()).isEqualTo(Channel.TALK);
            assertThat(issued.customerId()).isEqualTo(customerId);
            assertThat(issued.agent()).isEqualTo("agent-kim");
            assertThat(issued.category()).isEqualTo("TRANSFER_LIMIT");
            assertThat(Duration.between(Instant.now(), issued.expiresAt()))
                    .isBetween(Duration.ofDays(7).minusMinutes(1), Duration.ofDays(7));

            List<ConsumerRecord<String, String>> all = surveys.drain(Duration.ofSeconds(3));
            assertThat(all.stream().filter(r -> r.value().contains("survey.SurveyIssued")
                    && r.value().contains(ticketId))).hasSize(1);
        }
        assertThat(mongo.count(Query.query(Criteria.where("ticketId").is(ticketId)), Survey.class).block())
                .isEqualTo(1);
        Survey stored = mongo.findOne(Query.query(Criteria.where("ticketId").is(ticketId)), Survey.class).block();
        assertThat(stored.team()).isEqualTo("TRANSFER_LIMIT");
        assertThat(stored.questionSet().id()).isEqualTo("consultation");
        assertThat(stored.questionSet().version()).isEqualTo(1);
    }

    @Test
    void shouldShowTheQuestionsAndTakeExactlyOneAnswer() {
        String token = issue(Channel.CHAT, "CARD");
        http.get().uri("/api/surveys/{token}", token).exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.status").isEqualTo("ISSUED")
                .jsonPath("$.questionSetId").isEqualTo("consultation")
                .jsonPath("$.questionSetVersion").isEqualTo(1)
                .jsonPath("$.questions[0].key").isEqualTo("overall")
                .jsonPath("$.questions[0].text").isEqualTo("이번 상담에 전반적으로 얼마나 만족하셨나요?")
                .jsonPath("$.questions[0].max").isEqualTo(5)
                .jsonPath("$.customerId").doesNotExist()
                .jsonPath("$.agent").doesNotExist();

        http.post().uri("/api/surveys/{token}/responses", token)
                .bodyValue(Map.of("answers", Map.of("overall", 5, "speed", 4, "resolved", true,
                        "missingInfo", "설명이 친절했어요"))).exchange()
                .expectStatus().isCreated()
                .expectBody().jsonPath("$.status").isEqualTo("ANSWERED");
        // a replay, even with other scores, is refused and changes nothing
        http.post().uri("/api/surveys/{token}/responses", token)
                .bodyValue(Map.of("answers", Map.of("overall", 1, "speed", 1, "resolved", false))).exchange()
                .expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.type").isEqualTo(PROBLEMS + "survey-answered");
        Survey stored = byToken(token);
        assertThat(stored.overall()).isEqualTo(5);
        assertThat(stored.score100()).isEqualTo(100);
        assertThat(stored.answers()).containsEntry("missingInfo", "설명이 친절했어요");
    }

    @Test
    void shouldLetOnlyOneOfManySimultaneousAnswersIn() {
        String token = issue(Channel.CHAT, "ACCOUNT");
        AtomicInteger created = new AtomicInteger();
        AtomicInteger conflicts = new AtomicInteger();
        Flux.range(1, 6).parallel(6).runOn(Schedulers.boundedElastic())
                .doOnNext(score -> {
                    int status = http.post().uri("/api/surveys/{token}/responses", token)
                            .bodyValue(Map.of("answers", Map.of("overall", 1 + score % 5, "speed", 3,
                                    "resolved", true))).exchange()
                            .returnResult(String.class).getStatus().value();
                    (status == 201 ? created : status == 409 ? conflicts : new AtomicInteger()).incrementAndGet();
                })
                .sequential().blockLast();
        assertThat(created).hasValue(1);
        assertThat(conflicts).hasValue(5);
    }

    @Test
    void shouldReportALowScoreInTheSameWriteAsTheAnswerWithPersonalNumbersMasked() {
        String ticketId = newId("t");
        String token = issueFor(ticketId, Channel.PHONE, "LOAN_JEONSE");
        try (TopicProbe surveys = TopicProbe.on(Topics.SURVEYS)) {
            http.post().uri("/api/surveys/{token}/responses", token)
                    .bodyValue(Map.of("answers", Map.of("overall", 4, "speed", 2, "resolved", false,
                            "missingInfo", "전세대출 서류 안내가 없었어요. 010-1234-5678로 연락 주세요"))).exchange()
                    .expectStatus().isCreated();
            LowSatisfactionReported low = surveys.awaitEvent(LowSatisfactionReported.class,
                    l -> ticketId.equals(l.ticketId()), WAIT).payload();
            assertThat(low.overall()).isEqualTo(4);
            assertThat(low.resolved()).isFalse();
            assertThat(low.comment()).contains("전세대출 서류 안내가 없었어요", "010-****-5678")
                    .doesNotContain("1234-5678");
            SurveyAnswered answered = surveys.awaitEvent(SurveyAnswered.class, a -> ticketId.equals(a.ticketId()),
                    WAIT).payload();
            assertThat(answered.questionSetId()).isEqualTo("consultation-phone");
            assertThat(answered.channel()).isEqualTo(Channel.PHONE);
        }
        assertThat(byToken(token).answers().get("missingInfo").toString()).doesNotContain("1234-5678");
    }

    @Test
    void shouldNotReportASatisfiedResolvedAnswer() {
        String ticketId = newId("t");
        String token = issueFor(ticketId, Channel.CHAT, "CARD");
        try (TopicProbe surveys = TopicProbe.on(Topics.SURVEYS)) {
            http.post().uri("/api/surveys/{token}/responses", token)
                    .bodyValue(Map.of("answers", Map.of("overall", 3, "speed", 3, "resolved", true))).exchange()
                    .expectStatus().isCreated();
            surveys.awaitEvent(SurveyAnswered.class, a -> ticketId.equals(a.ticketId()), WAIT);
            assertThat(surveys.drain(Duration.ofSeconds(2)).stream()
                    .filter(r -> r.value().contains("LowSatisfactionReported") && r.value().contains(ticketId)))
                    .isEmpty();
        }
    }

    @Test
    void shouldRefuseAnAnswerAfterTheSurveyExpired() {
        String token = issue(Channel.EMAIL, "FX");
        TestClock.CLOCK.advance(Duration.ofDays(7).plusMinutes(1));
        http.get().uri("/api/surveys/{token}", token).exchange()
                .expectStatus().isEqualTo(410)
                .expectBody().jsonPath("$.type").isEqualTo(PROBLEMS + "survey-expired");
        http.post().uri("/api/surveys/{token}/responses", token)
                .bodyValue(Map.of("answers", Map.of("overall", 5, "speed", 5, "resolved", true))).exchange()
                .expectStatus().isEqualTo(410);
        assertThat(byToken(token).status()).isEqualTo(Survey.Status.ISSUED);
    }

    @Test
    void shouldStillTakeAnAnswerJustBeforeExpiry() {
        String token = issue(Channel.EMAIL, "FX");
        TestClock.CLOCK.advance(Duration.ofDays(7).minusMinutes(1));
        http.post().uri("/api/surveys/{token}/responses", token)
                .bodyValue(Map.of("answers", Map.of("overall", 5, "speed", 5, "resolved", true))).exchange()
                .expectStatus().isCreated();
    }

    @Test
    void shouldRefuseHostileAnswersNamingTheFieldAndStoreNothing() {
        String token = issue(Channel.CHAT, "CARD");
        refused(token, Map.of("answers", Map.of("overall", 6, "speed", 4, "resolved", true)), "answers.overall");
        refused(token, Map.of("answers", Map.of("overall", 0, "speed", 4, "resolved", true)), "answers.overall");
        refused(token, Map.of("answers", Map.of("overall", "5", "speed", 4, "resolved", true)), "answers.overall");
        refused(token, Map.of("answers", Map.of("overall", 4.5, "speed", 4, "resolved", true)), "answers.overall");
        refused(token, Map.of("answers", Map.of("overall", 5, "speed", 4, "resolved", "yes")), "answers.resolved");
        refused(token, Map.of("answers", Map.of("overall", 5, "speed", 4, "resolved", true,
                "$set", Map.of("overall", 5))), "answers.$set");
        refused(token, Map.of("answers", Map.of("overall", Map.of("$gt", 0), "speed", 4, "resolved", true)),
                "answers.overall");
        refused(token, Map.of("answers", Map.of("overall", 5, "speed", 4, "resolved", true,
                "recommend", 10)), "answers.recommend");
        refused(token, Map.of("answers", Map.of("overall", 5, "speed", 4, "resolved", true,
                "missingInfo", "가".repeat(1001))), "answers.missingInfo");
        refused(token, Map.of("answers", Map.of("speed", 4, "resolved", true)), "answers.overall");
        refused(token, Map.of("answers", List.of(5, 4)), "answers");
        assertThat(byToken(token).status()).isEqualTo(Survey.Status.ISSUED);
        assertThat(byToken(token).answers()).isNull();
    }

    @Test
    void shouldAnswerAnUnknownOrMalformedTokenWith404() {
        http.get().uri("/api/surveys/{token}", "A".repeat(43)).exchange().expectStatus().isNotFound();
        http.get().uri("/api/surveys/{token}", "not-a-token").exchange().expectStatus().isNotFound();
        http.post().uri("/api/surveys/{token}/responses", "A".repeat(43))
                .bodyValue(Map.of("answers", Map.of("overall", 5))).exchange()
                .expectStatus().isNotFound()
                .expectBody().jsonPath("$.type").isEqualTo(PROBLEMS + "not-found");
    }

    private void refused(String token, Map<String, ?> body, String field) {
        http.post().uri("/api/surveys/{token}/responses", token).bodyValue(body).exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentType("application/problem+json")
                .expectBody()
                .jsonPath("$.type").isEqualTo(PROBLEMS + "validation")
                .jsonPath("$.errors[?(@.field == '" + field + "')]").exists();
    }

    @Test
    void shouldShowTheCustomerTheSurveyOfTheirOwnTicketAsItStandsAndNobodyElsesTicket() {
        String ticketId = newId("t");
        String customerId = newId("cust");
        resolveTicket(ticketId, customerId, Channel.COMPLAINT, "TRANSFER_LIMIT", "TRANSFER_LIMIT", "agent-kim");
        String token = Awaitility.await().atMost(WAIT).until(() -> mongo.findOne(Query.query(Criteria.where("ticketId")
                .is(ticketId)), Survey.class).block(), s -> s != null).token();

        http.get().uri("/api/surveys/tickets/{id}", ticketId).headers(Callers.customer(customerId)).exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.token").isEqualTo(token)
                .jsonPath("$.link").isEqualTo("http://localhost:8080/api/surveys/" + token)
                .jsonPath("$.status").isEqualTo("ISSUED")
                .jsonPath("$.expiresAt").value(at -> assertThat(Instant.parse((String) at))
                        .isAfter(Instant.now().plus(Duration.ofDays(6))))
                .jsonPath("$.answeredAt").doesNotExist()
                // nothing about the agent or the scores
                .jsonPath("$.agent").doesNotExist()
                .jsonPath("$.customerId").doesNotExist();
        // staff see it too; another customer's ticket is as missing as a ticket without a survey
        http.get().uri("/api/surveys/tickets/{id}", ticketId).headers(Callers.agent("agent-kim")).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.status").isEqualTo("ISSUED");
        http.get().uri("/api/surveys/tickets/{id}", ticketId).headers(Callers.customer(newId("cust"))).exchange()
                .expectStatus().isNotFound()
                .expectBody().jsonPath("$.type").isEqualTo(PROBLEMS + "not-found");
        http.get().uri("/api/surveys/tickets/{id}", newId("t")).headers(Callers.customer(customerId)).exchange()
                .expectStatus().isNotFound();
        http.get().uri("/api/surveys/tickets/{id}", ticketId).exchange().expectStatus().isUnauthorized();
        http.get().uri("/api/surveys/tickets/{id}", "티켓-1").headers(Callers.customer(customerId)).exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("ticketId");

        http.post().uri("/api/surveys/{token}/responses", token)
                .bodyValue(Map.of("answers", Map.of("overall", 5, "speed", 4, "resolved", true,
                        "missingInfo", "처리 과정을 문자로 알려 주셔서 좋았어요"))).exchange()
                .expectStatus().isCreated();
        http.get().uri("/api/surveys/tickets/{id}", ticketId).headers(Callers.customer(customerId)).exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.status").isEqualTo("ANSWERED")
                .jsonPath("$.answeredAt").exists();
    }

    @Test
    void shouldShowAnUnansweredSurveyAsExpiredOnceItsLinkHasRunOut() {
        String ticketId = newId("t");
        String customerId = newId("cust");
        resolveTicket(ticketId, customerId, Channel.CHAT, "CARD", "CARD", "agent-lee");
        Awaitility.await().atMost(WAIT).until(() -> mongo.findOne(Query.query(Criteria.where("ticketId")
                .is(ticketId)), Survey.class).block(), s -> s != null);
        TestClock.CLOCK.advance(Duration.ofDays(7).plusMinutes(1));
        http.get().uri("/api/surveys/tickets/{id}", ticketId).headers(Callers.customer(customerId)).exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo("EXPIRED");
    }

    private String issue(Channel channel, String category) {
        return issueFor(newId("t"), channel, category);
    }

    private String issueFor(String ticketId, Channel channel, String category) {
        resolveTicket(ticketId, newId("cust"), channel, category, category, "agent-lee");
        return Awaitility.await().atMost(WAIT).until(() -> mongo.findOne(Query.query(Criteria.where("ticketId")
                .is(ticketId)), Survey.class).block(), s -> s != null).token();
    }

    private Survey byToken(String token) {
        return mongo.findOne(Query.query(Criteria.where("token").is(token)), Survey.class).block();
    }
}
