package io.sori.ticket.emergency;

import static io.sori.testsupport.Callers.agent;
import static io.sori.testsupport.Callers.customer;
import static io.sori.ticket.TicketTestSupport.message;
import static io.sori.ticket.TicketTestSupport.newId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.sori.events.EventEnvelope;
import io.sori.events.Topics;
import io.sori.events.banking.EmergencyAction;
import io.sori.events.banking.EmergencyActionCompleted;
import io.sori.events.banking.EmergencyActionFailed;
import io.sori.events.banking.EmergencyActionRequested;
import io.sori.events.ticket.Priority;
import io.sori.events.ticket.TicketCreated;
import io.sori.events.ticket.TicketEmergencyActionUpdated;
import io.sori.events.ticket.TicketEscalated;
import io.sori.testsupport.SoriIntegrationTest;
import io.sori.testsupport.TopicProbe;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Lost cards and fraud reports ask the core-banking system for a card stop or an account freeze
 * within seconds, once per ticket and action; its answers update the ticket. The core-banking
 * system is the outside world here: the test plays it on the two banking topics.
 */
@SoriIntegrationTest
class EmergencyActionsIT {

    private static final Duration WAIT = Duration.ofSeconds(20);

    @Autowired
    WebTestClient http;

    @Test
    void shouldRequestACardStopOnceAndRecordTheBanksAnswer() {
        String customerId = newId("cust");
        String conversation = newId("conv");
        try (TopicProbe commands = TopicProbe.on(Topics.BANKING_COMMANDS);
                TopicProbe tickets = TopicProbe.on(Topics.TICKETS)) {
            Instant sent = Instant.now();
            TopicProbe.send(message(customerId, conversation, "지하철에서 체크카드를 잃어버렸어요 ㅠㅠ 정지해 주세요"));

            EventEnvelope<EmergencyActionRequested> request = commands.awaitEvent(EmergencyActionRequested.class,
                    r -> r.customerId().equals(customerId), WAIT);
            assertThat(request.payload().action()).isEqualTo(EmergencyAction.SUSPEND_CARD);
            assertThat(request.occurredAt()).isBefore(sent.plusSeconds(10));
            assertThat(request.aggregateId()).isEqualTo(customerId); // keyed by customer: their actions stay ordered
            TicketCreated created = tickets.awaitEvent(TicketCreated.class, t -> t.customerId().equals(customerId),
                    WAIT).payload();
            assertThat(created.priority()).isEqualTo(Priority.URGENT);
            assertThat(created.category()).isEqualTo("CARD_LOSS");
            assertThat(tickets.awaitEvent(TicketEmergencyActionUpdated.class,
                    u -> u.ticketId().equals(created.ticketId()) && u.status().equals("REQUESTED"), WAIT)
                    .payload().customerNotice()).contains("카드 사용정지");

            // the customer repeats it: no second card stop
            TopicProbe.send(message(customerId, conversation, "카드 분실 신고 빨리 해주세요!!"));

            var done = new EmergencyActionCompleted(request.payload().actionId(), created.ticketId(), customerId,
                    EmergencyAction.SUSPEND_CARD, "CSP-20261124-000042", Instant.now());
            TopicProbe.send(EventEnvelope.of(done, request.correlationId(), Instant.now()));
            TopicProbe.send(EventEnvelope.of(done, request.correlationId(), Instant.now())); // answered twice

            await().atMost(WAIT).untilAsserted(() -> http.get().uri("/api/tickets/{id}", created.ticketId())
                    .headers(agent("agent-1")).exchange()
                    .expectBody()
                    .jsonPath("$.emergencyActions.length()").isEqualTo(1)
                    .jsonPath("$.emergencyActions[0].type").isEqualTo("SUSPEND_CARD")
                    .jsonPath("$.emergencyActions[0].status").isEqualTo("COMPLETED")
                    .jsonPath("$.emergencyActions[0].bankReference").isEqualTo("CSP-20261124-000042")
                    .jsonPath("$.interactionIds").doesNotExist());
            // the customer's own view shows the stop, and nothing internal
            http.get().uri("/api/tickets/{id}/status", created.ticketId()).headers(customer(customerId)).exchange()
                    .expectStatus().isOk()
                    .expectBody()
                    .jsonPath("$.emergencyActions[0].status").isEqualTo("COMPLETED")
                    .jsonPath("$.assignee").doesNotExist();

            assertThat(commands.drain(Duration.ofSeconds(2)))
                    .filteredOn(r -> r.value().contains(customerId)).hasSize(1);
            assertThat(tickets.drain(Duration.ofSeconds(1)))
                    .filteredOn(r -> r.value().contains("TicketEmergencyActionUpdated")
                            && r.value().contains("COMPLETED") && r.value().contains(created.ticketId()))
                    .hasSize(1);
        }
    }

    @Test
    void shouldEscalateAtOnceWhenTheAccountFreezeFails() {
        String customerId = newId("cust");
        try (TopicProbe commands = TopicProbe.on(Topics.BANKING_COMMANDS);
                TopicProbe tickets = TopicProbe.on(Topics.TICKETS)) {
            TopicProbe.send(message(customerId, newId("conv"),
                    "검찰청이라고 전화가 와서 시키는 대로 앱을 깔았는데 300만원이 빠져나갔어요. 보이스피싱 같아요"));

            EventEnvelope<EmergencyActionRequested> request = commands.awaitEvent(EmergencyActionRequested.class,
                    r -> r.customerId().equals(customerId), WAIT);
            assertThat(request.payload().action()).isEqualTo(EmergencyAction.FREEZE_ACCOUNT);

            var failed = new EmergencyActionFailed(request.payload().actionId(), request.payload().ticketId(),
                    customerId, EmergencyAction.FREEZE_ACCOUNT, "계좌 상태 확인 불가 (core timeout)");
            TopicProbe.send(EventEnvelope.of(failed, request.correlationId(), Instant.now()));

            TicketEscalated escalated = tickets.awaitEvent(TicketEscalated.class,
                    e -> e.ticketId().equals(request.payload().ticketId()), WAIT).payload();
            assertThat(escalated.priority()).isEqualTo(Priority.URGENT);
            assertThat(escalated.reason()).contains("FREEZE_ACCOUNT");
            assertThat(tickets.awaitEvent(TicketEmergencyActionUpdated.class,
                    u -> u.ticketId().equals(request.payload().ticketId()) && u.status().equals("FAILED"), WAIT)
                    .payload().customerNotice()).contains("담당자");
            http.get().uri("/api/tickets/{id}", request.payload().ticketId()).headers(agent("agent-1")).exchange()
                    .expectBody()
                    .jsonPath("$.escalated").isEqualTo(true)
                    .jsonPath("$.emergencyActions[0].status").isEqualTo("FAILED")
                    .jsonPath("$.emergencyActions[0].failureReason").isEqualTo("계좌 상태 확인 불가 (core timeout)");
        }
    }
}
