package io.sori.corebanking.actions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.sori.events.EventCodec;
import io.sori.events.EventEnvelope;
import io.sori.events.SoriEvent;
import io.sori.events.Topics;
import io.sori.events.banking.BankingEvent;
import io.sori.events.banking.EmergencyAction;
import io.sori.events.banking.EmergencyActionCompleted;
import io.sori.events.banking.EmergencyActionFailed;
import io.sori.events.banking.EmergencyActionRequested;
import io.sori.testsupport.SoriIntegrationTest;
import io.sori.testsupport.Tokens;
import io.sori.testsupport.TopicProbe;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import io.sori.testsupport.Callers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The simulated core over the real broker and store: Sori's emergency actions come in on
 * {@code sori.banking.commands.v1}, the answers go out on {@code sori.banking.events.v1}.
 */
@SoriIntegrationTest
class CoreBankingEmergencyActionsIT {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String REFERENCE = "FRZ-\\d{8}-\\d{6}";

    @Autowired
    WebTestClient http;

    @BeforeEach
    void signIn() {
        http = http.mutate().defaultHeaders(Callers.admin("bank-operator")).build();
    }

    @Autowired
    ReactiveMongoTemplate mongo;

    private final EventCodec codec = new EventCodec();

    @Test
    void shouldAnswerOnlyStaffAndServicesWithAValidToken() {
        WebTestClient anonymous = http.mutate().defaultHeaders(h -> h.remove("Authorization")).build();
        anonymous.get().uri("/api/core-banking/customers/{id}", "cust-1001").exchange()
                .expectStatus().isUnauthorized()
                .expectBody().jsonPath("$.type").isEqualTo("https://sori.io/problems/unauthenticated");
        // another spelling of the same path is matched as Spring routes it: still no way in without a token
        for (String path : List.of("/%61pi/core-banking/customers/cust-1001", "/api;x=1/core-banking/customers/cust-1001",
                "/API/core-banking/customers/cust-1001")) {
            anonymous.get().uri(b -> java.net.URI.create(b.build().toString().replaceAll("/$", "") + path)).exchange()
                    .expectStatus().isUnauthorized();
        }
        for (var caller : List.of(Callers.customer("cust-1001"), Callers.channel("app-backend"))) {
            anonymous.get().uri("/api/core-banking/customers/{id}", "cust-1001").headers(caller).exchange()
                    .expectStatus().isForbidden()
                    .expectBody().jsonPath("$.type").isEqualTo("https://sori.io/problems/forbidden");
        }
        anonymous.get().uri("/api/core-banking/actions/{id}", "act-unknown").headers(Callers.customer("cust-1001"))
                .exchange().expectStatus().isForbidden();
        for (var caller : List.of(Callers.agent("agent-kim"), Callers.bearer(Tokens.valid("kb-service",
                List.of("SERVICE"), null)))) {
            anonymous.get().uri("/api/core-banking/customers/{id}", "cust-1001").headers(caller).exchange()
                    .expectStatus().isOk();
        }
    }

    @Test
    void shouldFreezeOnceAndAnswerTheSameActionIdAgainWithTheSameReference() {
        String customer = "cust-" + UUID.randomUUID();
        String actionId = "act-" + UUID.randomUUID();
        EventEnvelope<EmergencyActionRequested> request = request(actionId, customer, EmergencyAction.FREEZE_ACCOUNT);

        try (TopicProbe answers = TopicProbe.on(Topics.BANKING_EVENTS)) {
            TopicProbe.send(request);

            EventEnvelope<EmergencyActionCompleted> done = answers.awaitEvent(EmergencyActionCompleted.class,
                    e -> e.actionId().equals(actionId), WAIT);
            assertThat(done.payload().bankReference()).matches(REFERENCE);
            assertThat(done.payload().customerId()).isEqualTo(customer);
            assertThat(done.payload().ticketId()).isEqualTo(request.payload().ticketId());
            assertThat(done.payload().action()).isEqualTo(EmergencyAction.FREEZE_ACCOUNT);
            assertThat(done.aggregateId()).isEqualTo(customer);
            assertThat(done.correlationId()).isEqualTo(request.correlationId());

            // the requester did not hear back in time and asks again: a new event, the same action
            TopicProbe.send(request(actionId, customer, EmergencyAction.FREEZE_ACCOUNT));

            List<EventEnvelope<BankingEvent>> both = await().atMost(WAIT)
                    .until(() -> answersTo(answers, actionId), found -> found.size() == 2);
            assertThat(both.get(1).eventId()).isNotEqualTo(both.get(0).eventId());
            assertThat(both.get(1).payload()).isEqualTo(done.payload());
            ConsumerRecord<String, String> keyed = answers.await(r -> r.value().contains(both.get(1).eventId().toString()), WAIT);
            assertThat(keyed.key()).isEqualTo(customer);
        }

        http.get().uri("/api/core-banking/customers/{id}", customer).exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.accountFrozen").isEqualTo(true)
                .jsonPath("$.accountFreeze.reference").value(String.class, ref -> assertThat(ref).matches(REFERENCE))
                .jsonPath("$.accountFreeze.actionId").isEqualTo(actionId)
                .jsonPath("$.cardSuspended").isEqualTo(false)
                .jsonPath("$.actions.length()").isEqualTo(1)
                .jsonPath("$.actions[0].outcome").isEqualTo("COMPLETED")
                .jsonPath("$.actions[0].requests").isEqualTo(2);
        http.get().uri("/api/core-banking/actions/{id}", actionId).exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.customerId").isEqualTo(customer)
                .jsonPath("$.action").isEqualTo("FREEZE_ACCOUNT")
                .jsonPath("$.alreadyInEffect").isEqualTo(false);
        assertThat(mongo.count(Query.query(Criteria.where("_id").is(customer)), CustomerDocument.class).block())
                .isEqualTo(1);
        assertThat(mongo.count(CustomerDocument.holdingAction(actionId), CustomerDocument.class).block()).isEqualTo(1);

        http.get().uri("/actuator/prometheus").exchange()
                .expectStatus().isOk()
                .expectBody(String.class)
                .value(metrics -> assertThat(metrics)
                        .containsPattern("sori_core_banking_actions_total\\{action=\"FREEZE_ACCOUNT\",[^}]*outcome=\"completed\"")
                        .containsPattern("sori_core_banking_actions_total\\{action=\"FREEZE_ACCOUNT\",[^}]*outcome=\"repeated\""));
    }

    @Test
    void shouldCompleteAFreezeOfAFrozenAccountWithTheFreezeInEffectAndStopTheCardApart() {
        String customer = "cust-" + UUID.randomUUID();
        String first = "act-" + UUID.randomUUID();
        String second = "act-" + UUID.randomUUID();
        String card = "act-" + UUID.randomUUID();

        try (TopicProbe answers = TopicProbe.on(Topics.BANKING_EVENTS)) {
            TopicProbe.send(request(first, customer, EmergencyAction.FREEZE_ACCOUNT));
            String reference = answers.awaitEvent(EmergencyActionCompleted.class, e -> e.actionId().equals(first), WAIT)
                    .payload().bankReference();

            TopicProbe.send(request(second, customer, EmergencyAction.FREEZE_ACCOUNT));
            TopicProbe.send(request(card, customer, EmergencyAction.SUSPEND_CARD));

            assertThat(answers.awaitEvent(EmergencyActionCompleted.class, e -> e.actionId().equals(second), WAIT)
                    .payload().bankReference()).isEqualTo(reference);
            assertThat(answers.awaitEvent(EmergencyActionCompleted.class, e -> e.actionId().equals(card), WAIT)
                    .payload().bankReference()).matches("CSP-\\d{8}-\\d{6}");
        }

        http.get().uri("/api/core-banking/customers/{id}", customer).exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.accountFreeze.actionId").isEqualTo(first)
                .jsonPath("$.cardSuspended").isEqualTo(true)
                .jsonPath("$.cardSuspension.actionId").isEqualTo(card)
                .jsonPath("$.actions.length()").isEqualTo(3)
                .jsonPath("$.actions[?(@.actionId == '%s')].alreadyInEffect".formatted(second)).isEqualTo(true);
    }

    @Test
    void shouldFailAConfiguredCustomerAndAnswerTheSameFailureAgain() {
        String customer = "cust-fail-" + UUID.randomUUID();
        String actionId = "act-" + UUID.randomUUID();

        try (TopicProbe answers = TopicProbe.on(Topics.BANKING_EVENTS)) {
            TopicProbe.send(request(actionId, customer, EmergencyAction.FREEZE_ACCOUNT));

            EventEnvelope<EmergencyActionFailed> failed = answers.awaitEvent(EmergencyActionFailed.class,
                    e -> e.actionId().equals(actionId), WAIT);
            assertThat(failed.payload().reason()).isEqualTo("계좌 상태 확인 불가 (core timeout)");
            assertThat(failed.payload().customerId()).isEqualTo(customer);
            assertThat(failed.payload().action()).isEqualTo(EmergencyAction.FREEZE_ACCOUNT);

            TopicProbe.send(request(actionId, customer, EmergencyAction.FREEZE_ACCOUNT));
            List<EventEnvelope<BankingEvent>> both = await().atMost(WAIT)
                    .until(() -> answersTo(answers, actionId), found -> found.size() == 2);
            assertThat(both).extracting(EventEnvelope::payload).containsOnly(failed.payload());
        }

        http.get().uri("/api/core-banking/customers/{id}", customer).exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.accountFrozen").isEqualTo(false)
                .jsonPath("$.actions[0].outcome").isEqualTo("FAILED")
                .jsonPath("$.actions[0].failureReason").isEqualTo("계좌 상태 확인 불가 (core timeout)");
    }

    @Test
    void shouldDeadLetterARequestItCannotAnswer() {
        String customer = "cust-" + UUID.randomUUID();

        try (TopicProbe deadLetters = TopicProbe.on(Topics.deadLetter(Topics.BANKING_COMMANDS))) {
            TopicProbe.send(request(null, customer, EmergencyAction.FREEZE_ACCOUNT));

            deadLetters.await(r -> r.value().contains(customer), WAIT);
        }
        http.get().uri("/api/core-banking/customers/{id}", customer).exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.actions.length()").isEqualTo(0);
    }

    @Test
    void shouldShowACustomerItNeverRestrictedAsCleanAndAnswerBadLookupsWithProblems() {
        http.get().uri("/api/core-banking/customers/{id}", "cust-never-seen").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.customerId").isEqualTo("cust-never-seen")
                .jsonPath("$.accountFrozen").isEqualTo(false)
                .jsonPath("$.cardSuspended").isEqualTo(false)
                .jsonPath("$.actions.length()").isEqualTo(0);
        http.get().uri("/api/core-banking/actions/{id}", "act-unknown").exchange()
                .expectStatus().isNotFound()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.type").isEqualTo("https://sori.io/problems/not-found");
        http.get().uri("/api/core-banking/customers/{id}", "고객 1001").exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type").isEqualTo("https://sori.io/problems/validation")
                .jsonPath("$.errors[0].field").isEqualTo("customerId");
        http.get().uri("/api/core-banking/actions/{id}", "x".repeat(200)).exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("actionId");
    }

    /** Every answer to the action seen on the topic so far, in order. */
    private List<EventEnvelope<BankingEvent>> answersTo(TopicProbe answers, String actionId) {
        return answers.drain(Duration.ofMillis(200)).stream()
                .map(r -> codec.decode(r.value()))
                .flatMap(java.util.Optional::stream)
                .filter(e -> e.payload() instanceof BankingEvent b && b.actionId().equals(actionId))
                .map(CoreBankingEmergencyActionsIT::banking)
                .toList();
    }

    @SuppressWarnings("unchecked")
    private static EventEnvelope<BankingEvent> banking(EventEnvelope<SoriEvent> envelope) {
        return (EventEnvelope<BankingEvent>) (EventEnvelope<?>) envelope;
    }

    private static EventEnvelope<EmergencyActionRequested> request(String actionId, String customer,
            EmergencyAction action) {
        return EventEnvelope.of(new EmergencyActionRequested(actionId, "ticket-" + UUID.randomUUID(), customer, action,
                "보이스피싱 의심 신고"), "corr-" + UUID.randomUUID(), Instant.now());
    }
}
