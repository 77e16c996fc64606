package io.sori.ticket.intake;

import static io.sori.testsupport.Callers.agent;
import static io.sori.ticket.TicketTestSupport.newId;
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
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;

/** What the agent sees of who is writing: verified identity and an angry customer coming back. */
@SoriIntegrationTest
class RepeatContactIT {

    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final String AGENT = "agent-repeat";

    @Autowired
    WebTestClient http;

    @Test
    void shouldFlagAnAngryContactThatJoinsTheCustomersOpenTicketAndRaiseItToHigh() {
        String customer = newId("cust");
        String id = http.post().uri("/api/tickets").headers(agent(AGENT))
                .bodyValue(Map.of("customerId", customer, "channel", "PHONE", "category", "CARD",
                        "subject", "카드 결제 취소 요청 (전화)")).exchange()
                .expectStatus().isCreated()
                .returnResult(JsonNode.class).getResponseBody().blockFirst().get("id").asString();
        http.get().uri("/api/tickets/{id}", id).headers(agent(AGENT)).exchange()
                .expectBody().jsonPath("$.priority").isEqualTo("NORMAL")
                .jsonPath("$.identityVerified").isEqualTo(false)
                .jsonPath("$.upsetRepeatContact").isEqualTo(false);

        TopicProbe.send(contact(customer, "결제 취소 도대체 언제 되는 거예요?? 왜 이렇게 오래 걸려요", true, true));

        await().atMost(WAIT).untilAsserted(() -> http.get().uri("/api/tickets/{id}", id).headers(agent(AGENT))
                .exchange().expectBody()
                .jsonPath("$.upsetRepeatContact").isEqualTo(true)
                .jsonPath("$.priority").isEqualTo("HIGH")
                .jsonPath("$.identityVerified").isEqualTo(true));
        http.get().uri("/api/tickets/{id}/history", id).headers(agent(AGENT)).exchange()
                .expectBody()
                .jsonPath("$[?(@.action == 'UPSET_REPEAT_CONTACT')]")
                .value(found -> assertThat((List<?>) found).hasSize(1))
                .jsonPath("$[?(@.action == 'PRIORITY_RAISED')].details.to").isEqualTo(List.of("HIGH"));
    }

    @Test
    void shouldFlagAnAngryNewTicketOnlyWhenTheCustomerRaisedTheSameMatterRecently() {
        String repeat = newId("cust");
        String firstTime = newId("cust");
        try (TopicProbe tickets = TopicProbe.on(Topics.TICKETS)) {
            // a resolved card ticket of last hour, then an angry new conversation about cards
            String earlier = http.post().uri("/api/tickets").headers(agent(AGENT))
                    .bodyValue(Map.of("customerId", repeat, "channel", "PHONE", "category", "CARD",
                            "subject", "카드 결제 취소 요청 (전화)")).exchange()
                    .expectStatus().isCreated()
                    .returnResult(JsonNode.class).getResponseBody().blockFirst().get("id").asString();
            long v = version(earlier);
            for (String to : List.of("IN_REVIEW", "SOLUTION_PROPOSED", "RESOLVED")) {
                v = http.post().uri("/api/tickets/{id}/transitions", earlier).headers(agent(AGENT))
                        .bodyValue(Map.of("to", to, "version", v)).exchange().expectStatus().isOk()
                        .returnResult(JsonNode.class).getResponseBody().blockFirst().get("version").asLong();
            }
            // resolved tickets are joined only from their own conversation: this opens a new one
            TopicProbe.send(contact(repeat, "카드 결제 취소 또 안 됐잖아요!!! 몇 번을 말해야 돼요", false, true));
            TopicProbe.send(contact(firstTime, "카드 결제 취소 왜 안 되는 거예요!!!", false, true));

            TicketCreated again = tickets.awaitEvent(TicketCreated.class, e -> e.customerId().equals(repeat)
                    && e.channel() == Channel.CHAT, WAIT).payload();
            assertThat(again.priority().name()).isEqualTo("HIGH");
            TicketCreated first = tickets.awaitEvent(TicketCreated.class, e -> e.customerId().equals(firstTime),
                    WAIT).payload();
            http.get().uri("/api/tickets/{id}", again.ticketId()).headers(agent(AGENT)).exchange()
                    .expectBody().jsonPath("$.upsetRepeatContact").isEqualTo(true);
            http.get().uri("/api/tickets/{id}", first.ticketId()).headers(agent(AGENT)).exchange()
                    .expectBody().jsonPath("$.upsetRepeatContact").isEqualTo(false);
        }
    }

    private long version(String id) {
        return http.get().uri("/api/tickets/{id}", id).headers(agent(AGENT)).exchange()
                .returnResult(JsonNode.class).getResponseBody().blockFirst().get("version").asLong();
    }

    private static EventEnvelope<InteractionRecorded> contact(String customer, String text, boolean verified,
            boolean upset) {
        var event = new InteractionRecorded(newId("int"), newId("conv"), customer, Channel.CHAT, "MESSAGE", verified,
                null, text, "CARD", null, true, "UPSET", false, List.of(), Instant.now(), false, upset);
        return EventEnvelope.of(event, newId("corr"), Instant.now());
    }
}
