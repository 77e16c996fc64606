package io.sori.channel.bench;

import static io.sori.channel.ChannelTestSupport.newId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.sori.channel.OutsideWorld;
import io.sori.events.EventEnvelope;
import io.sori.events.channel.Channel;
import io.sori.events.ticket.Priority;
import io.sori.events.ticket.TicketCreated;
import io.sori.events.ticket.TicketStage;
import io.sori.events.ticket.TicketStageChanged;
import io.sori.testsupport.Callers;
import io.sori.testsupport.SoriIntegrationTest;
import io.sori.testsupport.TopicProbe;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Not part of the build (not an *IT): how long a chat message takes to be answered and recorded
 * (redaction, threading, the responder, one conversation write), and how long a ticket event takes
 * to reach the customer as a push (broker, consumer, delivery record, conversation append).
 * Run: {@code ./mvnw -pl channel-service -am verify -Dit.test=ChannelLatencyBenchmark -Dtest=none
 * -Dsurefire.failIfNoSpecifiedTests=false -Dfailsafe.failIfNoSpecifiedTests=false}; the numbers are in
 * the class's failsafe output.
 */
@SoriIntegrationTest
class ChannelLatencyBenchmark {

    private static final int WARMUP = 100;
    private static final int MESSAGES = 500;
    private static final int EVENTS = 100;

    @Autowired
    WebTestClient http;

    @Autowired
    OutsideWorld.TestPushGateway pushes;

    @Test
    void measureChatIntakeAndPushDelivery() {
        String text = "카드번호 4111-1111-1111-1111 분실했어요. 연락처 010-1234-5678 로 연락 주세요";
        for (int i = 0; i < WARMUP; i++) {
            chat(newId("warm"), text);
        }
        List<Long> intake = new ArrayList<>();
        for (int i = 0; i < MESSAGES; i++) {
            long start = System.nanoTime();
            chat(newId("bench"), text);
            intake.add(System.nanoTime() - start);
        }
        report("chat message answered and recorded", intake);

        List<Long> delivery = new ArrayList<>();
        for (int i = 0; i < EVENTS; i++) {
            String customer = newId("bench");
            String conversationId = chat(customer, "대출 한도 조회가 안 돼요");
            String ticketId = newId("tkt");
            TopicProbe.send(EventEnvelope.of(new TicketCreated(ticketId, "SR-20261124-" + (100000 + i), customer,
                    Channel.CHAT, "GENERAL", Priority.NORMAL, "GENERAL", "문의", List.of(conversationId), false,
                    null, null, null, null), null, Instant.now()));
            EventEnvelope<TicketStageChanged> stage = EventEnvelope.of(new TicketStageChanged(ticketId,
                    "SR-20261124-" + (100000 + i), customer, Channel.CHAT, TicketStage.RECEIVED,
                    TicketStage.IN_REVIEW, null, "agent-kim", Instant.now().plusSeconds(3600)), null, Instant.now());
            long start = System.nanoTime();
            TopicProbe.send(stage);
            String pushId = stage.eventId() + ":PUSH";
            await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(5))
                    .until(() -> pushes.recent().stream().anyMatch(p -> p.pushId().equals(pushId)));
            delivery.add(System.nanoTime() - start);
        }
        report("ticket event published -> customer pushed", delivery);
        assertThat(intake).hasSize(MESSAGES);
        assertThat(delivery).hasSize(EVENTS);
    }

    private String chat(String customer, String text) {
        Map<?, ?> answer = http.post().uri("/api/channels/chat/messages").headers(Callers.channel("bench"))
                .bodyValue(Map.of("customerId", customer, "text", text)).exchange()
                .expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
        return (String) answer.get("conversationId");
    }

    private static void report(String what, List<Long> nanos) {
        List<Long> sorted = new ArrayList<>(nanos);
        Collections.sort(sorted);
        System.out.printf("BENCH %s: n=%d p50=%.1f ms p95=%.1f ms p99=%.1f ms max=%.1f ms%n", what, sorted.size(),
                ms(sorted, 0.50), ms(sorted, 0.95), ms(sorted, 0.99), sorted.get(sorted.size() - 1) / 1e6);
    }

    private static double ms(List<Long> sorted, double q) {
        return sorted.get((int) Math.min(sorted.size() - 1, Math.ceil(q * sorted.size()) - 1)) / 1e6;
    }
}
