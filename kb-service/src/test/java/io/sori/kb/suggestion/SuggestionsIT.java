package io.sori.kb.suggestion;

import static org.assertj.core.api.Assertions.assertThat;

import io.sori.events.EventEnvelope;
import io.sori.events.Topics;
import io.sori.events.channel.Channel;
import io.sori.events.kb.SuggestionsComputed;
import io.sori.events.ticket.Priority;
import io.sori.events.ticket.TicketCreated;
import io.sori.testsupport.SoriIntegrationTest;
import io.sori.testsupport.TopicProbe;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import io.sori.testsupport.Callers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.reactive.server.WebTestClient;

/** A new ticket on sori.tickets.v1 gets KMS suggestions on sori.kb.v1, once, over the real broker. */
@SoriIntegrationTest
class SuggestionsIT {

    @Autowired
    WebTestClient http;

    /** The caller of every request below unless a test says otherwise. */
    @BeforeEach
    void signIn() {
        http = http.mutate().defaultHeaders(Callers.agent("agent-kb")).build();
    }

    private static EventEnvelope<TicketCreated> ticketCreated(String ticketId, String subject, String category) {
        Instant now = Instant.now();
        TicketCreated ticket = new TicketCreated(ticketId, "SR-20261124-000777", "cust-" + UUID.randomUUID(),
                Channel.CHAT, category, Priority.URGENT, "FRAUD", subject, List.of("conv-1"), false,
                now.plusSeconds(3600), now.plusSeconds(86_400), null, now.plusSeconds(86_400));
        return EventEnvelope.of(ticket, "corr-" + UUID.randomUUID(), now);
    }

    @Test
    void shouldSuggestTheTopThreeKmsArticlesForANewTicketOnce() {
        String ticketId = "t-" + UUID.randomUUID();
        EventEnvelope<TicketCreated> created = ticketCreated(ticketId, "보이스피싱 당했어요. 상대 계좌 지급정지 해 주세요", "FRAUD");

        try (TopicProbe kb = TopicProbe.on(Topics.KB)) {
            TopicProbe.send(created);
            TopicProbe.send(created); // redelivered
            TopicProbe.send(ticketCreated(ticketId, "보이스피싱 당했어요. 상대 계좌 지급정지 해 주세요", "FRAUD")); // sent twice

            EventEnvelope<SuggestionsComputed> computed = kb.awaitEvent(SuggestionsComputed.class,
                    e -> e.ticketId().equals(ticketId), Duration.ofSeconds(30));
            assertThat(computed.correlationId()).isEqualTo(created.correlationId());
            assertThat(computed.aggregateId()).isEqualTo(ticketId);
            assertThat(computed.payload().suggestions()).hasSize(3);
            assertThat(computed.payload().suggestions().get(0).articleId()).isEqualTo("kms-voice-phishing-response");
            assertThat(computed.payload().suggestions()).allSatisfy(s -> {
                assertThat(s.articleId()).startsWith("kms-");
                assertThat(s.score()).isPositive();
            });

            http.get().uri("/api/kb/suggestions?ticketId={id}", ticketId).exchange()
                    .expectStatus().isOk()
                    .expectBody()
                    .jsonPath("$.ticketId").isEqualTo(ticketId)
                    .jsonPath("$.ticketNumber").isEqualTo("SR-20261124-000777")
                    .jsonPath("$.suggestions.length()").isEqualTo(3)
                    .jsonPath("$.suggestions[0].articleId").isEqualTo("kms-voice-phishing-response")
                    .jsonPath("$.suggestions[0].title").exists();

            assertThat(kb.drain(Duration.ofSeconds(3)))
                    .filteredOn(r -> r.value().contains("kb.SuggestionsComputed") && r.value().contains(ticketId))
                    .hasSize(1);
        }
    }

    @Test
    void shouldSuggestByTheTicketsSubjectInColloquialKorean() {
        String ticketId = "t-" + UUID.randomUUID();
        try (TopicProbe kb = TopicProbe.on(Topics.KB)) {
            TopicProbe.send(ticketCreated(ticketId, "휴대폰을 잃어버려서 앱에 로그인을 못 하고 있어요", "IDENTITY"));

            EventEnvelope<SuggestionsComputed> computed = kb.awaitEvent(SuggestionsComputed.class,
                    e -> e.ticketId().equals(ticketId), Duration.ofSeconds(30));
            assertThat(computed.payload().suggestions()).extracting(SuggestionsComputed.Suggestion::articleId)
                    .first().isEqualTo("kms-lost-phone-own-name");
        }
    }

    @Test
    void shouldPreferArticlesOfTheTicketsCategoryByTheSharedName() {
        String vague = "t-" + UUID.randomUUID();
        String noSubject = "t-" + UUID.randomUUID();
        try (TopicProbe kb = TopicProbe.on(Topics.KB)) {
            TopicProbe.send(ticketCreated(vague, "심사가 너무 오래 걸려요 진행 상황 알려주세요", "LOAN_JEONSE"));
            TopicProbe.send(ticketCreated(noSubject, "", "LOAN_JEONSE"));

            for (String ticketId : List.of(vague, noSubject)) {
                EventEnvelope<SuggestionsComputed> computed = kb.awaitEvent(SuggestionsComputed.class,
                        e -> e.ticketId().equals(ticketId), Duration.ofSeconds(30));
                assertThat(computed.payload().suggestions()).as(ticketId)
                        .extracting(SuggestionsComputed.Suggestion::articleId).first()
                        .isEqualTo("kms-jeonse-loan-review");
            }
        }
    }

    @Test
    void shouldAnswerUnknownAndBadTicketIdsWithProblems() {
        http.get().uri("/api/kb/suggestions?ticketId=never-created").exchange()
                .expectStatus().isNotFound()
                .expectBody().jsonPath("$.type").isEqualTo("https://sori.io/problems/not-found");
        http.get().uri("/api/kb/suggestions").exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("ticketId");
        http.get().uri("/api/kb/suggestions?ticketId={id}", "{\"$gt\":\"\"}").exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("ticketId");
    }
}
