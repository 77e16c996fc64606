package io.sori.ticket.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.sori.events.EventEnvelope;
import io.sori.events.Topics;
import io.sori.events.channel.Channel;
import io.sori.events.channel.InteractionRecorded;
import io.sori.events.ticket.TicketCreated;
import io.sori.testsupport.SoriIntegrationTest;
import io.sori.testsupport.TopicProbe;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/** Interactions from the channels become tickets, over the real broker and store. */
@SoriIntegrationTest
class TicketIntakeIT {

    @Autowired
    WebTestClient http;

    @Test
    void shouldOpenOneTicketPerConversationAndThreadFollowUpsIdempotently() {
        String customer = "cust-" + UUID.randomUUID();
        String conversation = "conv-" + UUID.randomUUID();
        EventEnvelope<InteractionRecorded> first = interaction(customer, conversation, "카드 분실 신고하려고요", true);
        EventEnvelope<InteractionRecorded> second = interaction(customer, conversation, "지금 바로 정지해 주세요", true);

        try (TopicProbe tickets = TopicProbe.on(Topics.TICKETS)) {
            TopicProbe.send(first);
            TopicProbe.send(first); // redelivered
            TopicProbe.send(second);

            EventEnvelope<TicketCreated> created = tickets.awaitEvent(TicketCreated.class,
                    e -> e.customerId().equals(customer), Duration.ofSeconds(20));
            assertThat(created.correlationId()).isEqualTo(first.correlationId());
            assertThat(created.payload().number()).matches("SR-\\d{8}-\\d{6}");
            assertThat(created.payload().conversationIds()).containsExactly(conversation);

            await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> http.get()
                    .uri("/api/tickets?customerId={c}", customer).exchange()
                    .expectStatus().isOk()
                    .expectBody()
                    .jsonPath("$.total").isEqualTo(1)
                    .jsonPath("$.items[0].id").isEqualTo(created.payload().ticketId()));

            http.get().uri("/api/tickets/{id}", created.payload().ticketId()).exchange()
                    .expectStatus().isOk()
                    .expectBody()
                    .jsonPath("$.customerId").isEqualTo(customer)
                    .jsonPath("$.channel").isEqualTo("CHAT")
                    .jsonPath("$.stage").isEqualTo("RECEIVED")
                    .jsonPath("$.priority").isEqualTo("NORMAL")
                    .jsonPath("$.subject").isEqualTo("카드 분실 신고하려고요")
                    .jsonPath("$.sla.firstResponseDueAt").exists()
                    .jsonPath("$.conversationIds[0]").isEqualTo(conversation)
                    .jsonPath("$.version").exists();

            // the redelivery created nothing twice
            assertThat(tickets.drain(Duration.ofSeconds(2)))
                    .filteredOn(r -> r.value().contains("ticket.TicketCreated") && r.value().contains(customer))
                    .hasSize(1);
        }
    }

    @Test
    void shouldOpenNoTicketForAConversationTheBotSettled() {
        String customer = "cust-" + UUID.randomUUID();
        String marker = "cust-" + UUID.randomUUID();
        TopicProbe.send(interaction(customer, "conv-" + UUID.randomUUID(), "영업시간이 어떻게 되나요?", false));
        TopicProbe.send(interaction(marker, "conv-" + UUID.randomUUID(), "상담원 연결", true));

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> http.get()
                .uri("/api/tickets?customerId={c}", marker).exchange()
                .expectBody().jsonPath("$.total").isEqualTo(1));
        http.get().uri("/api/tickets?customerId={c}", customer).exchange()
                .expectBody().jsonPath("$.total").isEqualTo(0);
    }

    @Test
    void shouldAnswerUnknownTicketsAndBadFiltersWithProblems() {
        http.get().uri("/api/tickets/{id}", "no-such-ticket").exchange()
                .expectStatus().isNotFound()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.type").isEqualTo("https://sori.io/problems/not-found");
        http.get().uri("/api/tickets?stage=DONE").exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("stage");
        http.get().uri("/api/tickets?size=100000").exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("size");
        http.get().uri("/api/tickets?page=abc").exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("page");
    }

    private static EventEnvelope<InteractionRecorded> interaction(String customer, String conversation, String text,
            boolean needsHuman) {
        var event = new InteractionRecorded(UUID.randomUUID().toString(), conversation, customer, Channel.CHAT,
                "MESSAGE", true, null, text, null, null, needsHuman, needsHuman ? "CHANNEL" : null, false, List.of(),
                Instant.now());
        return EventEnvelope.of(event, "corr-" + UUID.randomUUID(), Instant.now());
    }

}
