package io.sori.ticket.intake;

import static io.sori.testsupport.Callers.agent;
import static io.sori.ticket.TicketTestSupport.interaction;
import static io.sori.ticket.TicketTestSupport.message;
import static io.sori.ticket.TicketTestSupport.newId;
import static io.sori.ticket.TicketTestSupport.resent;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.sori.events.EventEnvelope;
import io.sori.events.Topics;
import io.sori.events.channel.Channel;
import io.sori.events.channel.InteractionRecorded;
import io.sori.events.ticket.ComplaintReceiptConfirmed;
import io.sori.events.ticket.TicketCreated;
import io.sori.testsupport.SoriIntegrationTest;
import io.sori.testsupport.TopicProbe;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.reactive.server.WebTestClient;

/** Interactions from every channel become tickets, over the real broker and store. */
@SoriIntegrationTest
class TicketIntakeIT {

    private static final Duration WAIT = Duration.ofSeconds(20);

    @Autowired
    WebTestClient http;

    @Test
    void shouldOpenOneTicketPerConversationAndThreadFollowUpsIdempotently() {
        String customer = newId("cust");
        String conversation = newId("conv");
        EventEnvelope<InteractionRecorded> first = message(customer, conversation, "이체한도를 올리고 싶어요");
        EventEnvelope<InteractionRecorded> second = message(customer, conversation, "OTP는 있어요. 어떻게 하면 되나요?");
        // the same customer asks about the same thing in a new talk conversation
        String talk = newId("conv");
        EventEnvelope<InteractionRecorded> sameTopicElsewhere = interaction(customer, talk, Channel.TALK, "MESSAGE",
                "이체 한도 증액 신청했는데 아직이에요", null, false, true);

        try (TopicProbe tickets = TopicProbe.on(Topics.TICKETS)) {
            TopicProbe.send(first);
            TopicProbe.send(first);          // the broker redelivers the same event
            TopicProbe.send(resent(first));  // the producer re-sends the same interaction as a new event
            TopicProbe.send(second);
            TopicProbe.send(sameTopicElsewhere);

            EventEnvelope<TicketCreated> created = tickets.awaitEvent(TicketCreated.class,
                    e -> e.customerId().equals(customer), WAIT);
            assertThat(created.correlationId()).isEqualTo(first.correlationId());
            assertThat(created.payload().number()).matches("SR-\\d{8}-\\d{6}");
            assertThat(created.payload().category()).isEqualTo("TRANSFER_LIMIT");
            assertThat(created.payload().skill()).isEqualTo("TRANSFER_LIMIT");

            String id = created.payload().ticketId();
            await().atMost(WAIT).untilAsserted(() -> http.get().uri("/api/tickets/{id}", id)
                    .headers(agent("agent-1")).exchange()
                    .expectStatus().isOk()
                    .expectBody()
                    .jsonPath("$.conversationIds.length()").isEqualTo(2)
                    .jsonPath("$.conversationIds[1]").isEqualTo(talk));
            http.get().uri("/api/tickets?customerId={c}", customer).headers(agent("agent-1")).exchange()
                    .expectBody().jsonPath("$.total").isEqualTo(1);
            http.get().uri("/api/tickets/{id}/history", id).headers(agent("agent-1")).exchange()
                    .expectBody()
                    .jsonPath("$[?(@.action == 'CUSTOMER_WROTE')]")
                    .value(found -> assertThat((List<?>) found).hasSize(2))
                    .jsonPath("$[0].action").isEqualTo("OPENED");

            assertThat(tickets.drain(Duration.ofSeconds(2)))
                    .filteredOn(r -> r.value().contains("ticket.TicketCreated") && r.value().contains(customer))
                    .hasSize(1);
        }
    }

    @Test
    void shouldOpenNoTicketForAConversationTheBotSettled() {
        String customer = newId("cust");
        String marker = newId("cust");
        TopicProbe.send(interaction(customer, newId("conv"), Channel.CHAT, "MESSAGE", "영업시간이 어떻게 되나요?", null,
                false, false));
        TopicProbe.send(message(marker, newId("conv"), "상담원 연결"));

        await().atMost(WAIT).untilAsserted(() -> http.get().uri("/api/tickets?customerId={c}", marker)
                .headers(agent("agent-1")).exchange()
                .expectBody().jsonPath("$.total").isEqualTo(1)
                .jsonPath("$.items[0].category").isEqualTo("GENERAL"));
        http.get().uri("/api/tickets?customerId={c}", customer).headers(agent("agent-1")).exchange()
                .expectBody().jsonPath("$.total").isEqualTo(0);
    }

    @Test
    void shouldStartTheRegulatoryClockAndConfirmReceiptOfAnInAppComplaint() {
        String customer = newId("cust");
        try (TopicProbe tickets = TopicProbe.on(Topics.TICKETS)) {
            TopicProbe.send(interaction(customer, newId("conv"), Channel.COMPLAINT, "COMPLAINT",
                    "해외송금 수수료가 안내와 다르게 두 번 빠져나갔습니다. 정식으로 민원 제기합니다.", "FX", true, true));

            TicketCreated created = tickets.awaitEvent(TicketCreated.class, e -> e.customerId().equals(customer), WAIT)
                    .payload();
            assertThat(created.formalComplaint()).isTrue();
            assertThat(created.category()).isEqualTo("FX");
            assertThat(created.regulatoryDueAt()).isAfter(created.firstResponseDueAt());
            // 14 business days: at least 18 calendar days away, whatever the weekday
            assertThat(Duration.between(java.time.Instant.now(), created.regulatoryDueAt())).isGreaterThan(
                    Duration.ofDays(17));

            ComplaintReceiptConfirmed receipt = tickets.awaitEvent(ComplaintReceiptConfirmed.class,
                    e -> e.ticketId().equals(created.ticketId()), WAIT).payload();
            assertThat(receipt.handlerName()).isNotBlank();
            assertThat(receipt.handlerContact()).isNotBlank();
            assertThat(receipt.regulatoryDueAt()).isEqualTo(created.regulatoryDueAt());
        }
    }

    @Test
    void shouldMakeATicketAFormalComplaintWhenALaterMessageSaysSo() {
        String customer = newId("cust");
        String conversation = newId("conv");
        try (TopicProbe tickets = TopicProbe.on(Topics.TICKETS)) {
            TopicProbe.send(message(customer, conversation, "해외송금이 일주일째 도착을 안 했어요"));
            TicketCreated created = tickets.awaitEvent(TicketCreated.class, e -> e.customerId().equals(customer), WAIT)
                    .payload();
            assertThat(created.formalComplaint()).isFalse();
            assertThat(created.regulatoryDueAt()).isNull();

            // the channel did not flag it: the words alone make it a formal complaint (민원)
            TopicProbe.send(message(customer, conversation, "계속 이러시면 정식으로 민원 넣겠습니다"));

            ComplaintReceiptConfirmed receipt = tickets.awaitEvent(ComplaintReceiptConfirmed.class,
                    e -> e.ticketId().equals(created.ticketId()), WAIT).payload();
            // 14 business days: at least 18 calendar days away, whatever the weekday
            assertThat(Duration.between(java.time.Instant.now(), receipt.regulatoryDueAt())).isGreaterThan(
                    Duration.ofDays(17));
            http.get().uri("/api/tickets/{id}", created.ticketId()).headers(agent("agent-1")).exchange()
                    .expectStatus().isOk()
                    .expectBody()
                    .jsonPath("$.formalComplaint").isEqualTo(true)
                    .jsonPath("$.sla.regulatoryDueAt").isNotEmpty()
                    .jsonPath("$.conversationIds.length()").isEqualTo(1);
            http.get().uri("/api/tickets?customerId={c}", customer).headers(agent("agent-1")).exchange()
                    .expectBody().jsonPath("$.total").isEqualTo(1);
        }
    }
}
