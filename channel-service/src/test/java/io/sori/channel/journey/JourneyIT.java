package io.sori.channel.journey;

import static io.sori.channel.ChannelTestSupport.WAIT;
import static io.sori.channel.ChannelTestSupport.newId;
import static io.sori.channel.ChannelTestSupport.post;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.sori.events.EventEnvelope;
import io.sori.events.channel.Channel;
import io.sori.events.ticket.ExpectedResolutionChanged;
import io.sori.events.ticket.Priority;
import io.sori.events.ticket.TicketCreated;
import io.sori.testsupport.Callers;
import io.sori.testsupport.SoriIntegrationTest;
import io.sori.testsupport.TopicProbe;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.test.web.reactive.server.WebTestClient;

/** One customer's contacts across channels and the tickets they became, for staff and the customer only. */
@SoriIntegrationTest
class JourneyIT {

    @Autowired
    WebTestClient http;

    @Autowired
    ReactiveMongoTemplate mongo;

    @Autowired
    TicketViews views;

    @Test
    void shouldShowEveryConversationAndTicketOfTheCustomerAcrossChannelsNewestFirst() {
        String customer = newId("cust");
        String chat = (String) post(http, "/api/channels/chat/messages",
                Map.of("customerId", customer, "text", "이체한도 올리고 싶어요"), 200).get("conversationId");
        String email = (String) post(http, "/api/channels/email/inbound", Map.of("from", "j." + customer.substring(5, 12)
                + "@example.com", "subject", "이체한도 관련", "text", "메일로도 문의합니다", "messageId", "<" + customer + "@j>",
                "customerId", customer), 202).get("conversationId");
        String ticketId = newId("tkt");
        Instant now = Instant.now();
        TopicProbe.send(EventEnvelope.of(new TicketCreated(ticketId, "SR-20261124-004242", customer, Channel.CHAT,
                "TRANSFER_LIMIT", Priority.HIGH, "TRANSFER_LIMIT", "이체한도 증액", List.of(chat), false,
                now.plusSeconds(1800), now.plusSeconds(3600), null, now.plusSeconds(3000)), null, now));
        TopicProbe.send(EventEnvelope.of(new ExpectedResolutionChanged(ticketId, "SR-20261124-004242", customer,
                Channel.CHAT, now.plusSeconds(3000), Instant.parse("2026-11-25T01:00:00Z"), "QUEUE_LONGER_THAN_USUAL"),
                null, now.plusSeconds(1)));
        await().atMost(WAIT).until(() -> views.find(ticketId).blockOptional()
                .filter(v -> Instant.parse("2026-11-25T01:00:00Z").equals(v.expectedResolutionAt())).isPresent());

        Map<?, ?> journey = http.get().uri("/api/channels/customers/{c}/journey", customer)
                .headers(Callers.agent("agent-kim")).exchange()
                .expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody();
        assertThat(journey.get("customerId")).isEqualTo(customer);
        @SuppressWarnings("unchecked") List<Map<String, Object>> items = (List<Map<String, Object>>) journey.get("items");
        assertThat(items).extracting(i -> i.get("id")).containsExactlyInAnyOrder(ticketId, chat, email);
        // newest first (the ticket's notice of the moved time also made the chat conversation newer)
        assertThat(items).extracting(i -> Instant.parse((String) i.get("at")))
                .isSortedAccordingTo(java.util.Comparator.reverseOrder());
        Map<String, Object> ticket = items.stream().filter(i -> i.get("id").equals(ticketId)).findFirst().orElseThrow();
        assertThat(ticket).containsEntry("type", "TICKET").containsEntry("number", "SR-20261124-004242")
                .containsEntry("stageIndex", 1).containsEntry("stageLabel", "접수")
                .containsEntry("expectedResolutionAt", "2026-11-25T01:00:00Z")
                .containsEntry("conversationIds", List.of(chat));
        Map<String, Object> mail = items.stream().filter(i -> i.get("id").equals(email)).findFirst().orElseThrow();
        assertThat(mail).containsEntry("type", "CONVERSATION").containsEntry("channel", "EMAIL")
                .containsEntry("subject", "이체한도 관련");
        Map<String, Object> talk = items.stream().filter(i -> i.get("id").equals(chat)).findFirst().orElseThrow();
        assertThat(talk).containsEntry("channel", "CHAT").containsEntry("ticketIds", List.of(ticketId));
    }

    @Test
    void shouldShowAJourneyAndAConversationOnlyToStaffAndTheCustomerThemself() {
        String customer = newId("cust");
        String chat = (String) post(http, "/api/channels/chat/messages",
                Map.of("customerId", customer, "text", "카드 한도 조회"), 200).get("conversationId");

        http.get().uri("/api/channels/customers/{c}/journey", customer).headers(Callers.customer(customer)).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.items[0].id").isEqualTo(chat);
        http.get().uri("/api/channels/conversations/{id}", chat).headers(Callers.customer(customer)).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.messages[0].text").isEqualTo("카드 한도 조회");

        http.get().uri("/api/channels/customers/{c}/journey", customer).headers(Callers.customer("someone-else"))
                .exchange().expectStatus().isNotFound();
        http.get().uri("/api/channels/conversations/{id}", chat).headers(Callers.customer("someone-else")).exchange()
                .expectStatus().isNotFound()
                .expectBody().jsonPath("$.type").isEqualTo("https://sori.io/problems/not-found");
        http.get().uri("/api/channels/conversations/{id}", chat).headers(Callers.channel("app-backend")).exchange()
                .expectStatus().isNotFound();
        http.get().uri("/api/channels/conversations/{id}", chat).exchange().expectStatus().isUnauthorized();
        http.get().uri("/api/channels/customers/{c}/journey", customer).exchange().expectStatus().isUnauthorized();
        http.get().uri("/api/channels/customers/{c}/journey", "$where").headers(Callers.admin("admin-1")).exchange()
                .expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field").isEqualTo("customerId");
    }

    @Test
    void shouldShowATicketsWholeConversationAcrossChannelsInTimeOrderToStaffAndItsCustomerOnly() {
        String customer = newId("cust");
        String chat = (String) post(http, "/api/channels/chat/messages",
                Map.of("customerId", customer, "text", "모임통장 회비 출금이 안 돼요"), 200).get("conversationId");
        String email = (String) post(http, "/api/channels/email/inbound", Map.of("from", "m." + customer.substring(5, 12)
                + "@example.com", "subject", "모임통장 출금 오류", "text", "캡처 화면 보내드립니다", "messageId",
                "<" + customer + "@m>", "customerId", customer), 202).get("conversationId");
        String ticketId = newId("tkt");
        Instant now = Instant.now();
        TopicProbe.send(EventEnvelope.of(new TicketCreated(ticketId, "SR-20261124-005151", customer, Channel.CHAT,
                "GROUP_ACCOUNT", Priority.NORMAL, "GROUP_ACCOUNT", "모임통장 출금 오류", List.of(chat, email), false,
                now.plusSeconds(7200), now.plusSeconds(86400), null, null), null, now));
        await().atMost(WAIT).until(() -> views.find(ticketId).blockOptional()
                .filter(v -> v.conversationIds().size() == 2).isPresent());

        Map<?, ?> thread = http.get().uri("/api/channels/tickets/{t}/conversation", ticketId)
                .headers(Callers.agent("agent-kim")).exchange()
                .expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody();
        assertThat(thread.get("ticketId")).isEqualTo(ticketId);
        assertThat(thread.get("customerId")).isEqualTo(customer);
        @SuppressWarnings("unchecked") List<Map<String, Object>> conversations =
                (List<Map<String, Object>>) thread.get("conversations");
        assertThat(conversations).extracting(c -> c.get("id")).containsExactly(chat, email);
        assertThat(conversations).extracting(c -> c.get("channel")).containsExactly("CHAT", "EMAIL");
        @SuppressWarnings("unchecked") List<Map<String, Object>> messages =
                (List<Map<String, Object>>) thread.get("messages");
        assertThat(messages).extracting(m -> Instant.parse((String) m.get("at")))
                .isSortedAccordingTo(java.util.Comparator.naturalOrder());
        assertThat(messages.get(0)).containsEntry("conversationId", chat).containsEntry("channel", "CHAT")
                .containsEntry("from", "CUSTOMER").containsEntry("text", "모임통장 회비 출금이 안 돼요");
        assertThat(messages).as("the bank's answer in the chat").anyMatch(m -> List.of("BOT", "SYSTEM").contains(m.get("from"))
                && chat.equals(m.get("conversationId")));
        assertThat(messages).anyMatch(m -> email.equals(m.get("conversationId")) && "EMAIL".equals(m.get("channel"))
                && "캡처 화면 보내드립니다".equals(m.get("text")));

        http.get().uri("/api/channels/tickets/{t}/conversation", ticketId).headers(Callers.customer(customer))
                .exchange().expectStatus().isOk().expectBody().jsonPath("$.conversations.length()").isEqualTo(2);
        http.get().uri("/api/channels/tickets/{t}/conversation", ticketId).headers(Callers.customer("someone-else"))
                .exchange().expectStatus().isNotFound()
                .expectBody().jsonPath("$.type").isEqualTo("https://sori.io/problems/not-found");
        http.get().uri("/api/channels/tickets/{t}/conversation", newId("tkt")).headers(Callers.agent("agent-kim"))
                .exchange().expectStatus().isNotFound();
        http.get().uri("/api/channels/tickets/{t}/conversation", ticketId).exchange().expectStatus().isUnauthorized();
        http.get().uri("/api/channels/tickets/{t}/conversation", "$where").headers(Callers.agent("agent-kim"))
                .exchange().expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field")
                .isEqualTo("ticketId");
    }
}
