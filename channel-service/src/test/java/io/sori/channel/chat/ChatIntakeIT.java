package io.sori.channel.chat;

import static org.assertj.core.api.Assertions.assertThat;

import io.sori.channel.conversation.Conversation;
import io.sori.events.EventEnvelope;
import io.sori.events.Topics;
import io.sori.events.channel.Channel;
import io.sori.events.channel.InteractionRecorded;
import io.sori.testsupport.SoriIntegrationTest;
import io.sori.testsupport.TopicProbe;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import io.sori.testsupport.Callers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

@SoriIntegrationTest
class ChatIntakeIT {

    @Autowired
    WebTestClient http;

    /** The caller of every request below unless a test says otherwise. */
    @BeforeEach
    void signIn() {
        http = http.mutate().defaultHeaders(Callers.channel("app-backend")).build();
    }

    @Autowired
    ReactiveMongoTemplate mongo;

    @Test
    void shouldRecordAChatMessageAndPublishAnInteractionThatNeedsAPerson() {
        String customer = "cust-" + UUID.randomUUID();
        try (TopicProbe interactions = TopicProbe.on(Topics.CHANNEL_INTERACTIONS)) {
            Map<?, ?> answer = http.post().uri("/api/channels/chat/messages")
                    .header("X-Correlation-Id", "corr-chat-1")
                    .bodyValue(Map.of("customerId", customer, "text", "체크카드를 잃어버렸어요. 어떻게 해야 하나요?",
                            "identityVerified", true))
                    .exchange()
                    .expectStatus().isOk()
                    .expectHeader().valueEquals("X-Correlation-Id", "corr-chat-1")
                    .expectBody(Map.class).returnResult().getResponseBody();
            String conversationId = (String) answer.get("conversationId");
            assertThat(conversationId).isNotBlank();
            @SuppressWarnings("unchecked") Map<String, Object> reply = (Map<String, Object>) answer.get("reply");
            assertThat(reply).containsEntry("handoff", true).containsEntry("from", "SYSTEM");

            EventEnvelope<InteractionRecorded> event = interactions.awaitEvent(InteractionRecorded.class,
                    e -> e.customerId().equals(customer), Duration.ofSeconds(20));
            assertThat(event.aggregateId()).isEqualTo(conversationId);
            assertThat(event.correlationId()).isEqualTo("corr-chat-1");
            assertThat(event.payload().interactionId()).isEqualTo(answer.get("interactionId"));
            assertThat(event.payload().channel()).isEqualTo(Channel.CHAT);
            assertThat(event.payload().needsHuman()).isTrue();
            assertThat(event.payload().identityVerified()).isTrue();
            assertThat(event.payload().text()).isEqualTo("체크카드를 잃어버렸어요. 어떻게 해야 하나요?");
        }
    }

    @Test
    void shouldKeepFollowUpMessagesInTheSameConversationInOrder() {
        String customer = "cust-" + UUID.randomUUID();
        String conversationId = send("/api/channels/talk/messages", Map.of("customerId", customer, "text", "이체한도를 올리고 싶어요"));
        http.post().uri("/api/channels/talk/messages")
                .bodyValue(Map.of("customerId", customer, "conversationId", conversationId, "text", "오늘 안에 가능할까요?"))
                .exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.conversationId").isEqualTo(conversationId);

        http.get().uri("/api/channels/conversations/{id}", conversationId).exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.channel").isEqualTo("TALK")
                .jsonPath("$.messages.length()").isEqualTo(2)
                .jsonPath("$.messages[0].text").isEqualTo("이체한도를 올리고 싶어요")
                .jsonPath("$.messages[1].text").isEqualTo("오늘 안에 가능할까요?");
    }

    @Test
    void shouldNotLetOneCustomerWriteIntoAnothersConversation() {
        String conversationId = send("/api/channels/chat/messages", Map.of("customerId", "owner-1", "text", "안녕하세요"));
        http.post().uri("/api/channels/chat/messages")
                .bodyValue(Map.of("customerId", "intruder-1", "conversationId", conversationId, "text", "끼어들기"))
                .exchange()
                .expectStatus().isNotFound()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.type").isEqualTo("https://sori.io/problems/not-found");
    }

    @Test
    void shouldRefuseBadInputWithAProblemNamingTheFieldAndStoreNothing() {
        long before = conversationCount();

        problem("{\"text\":\"고객번호 없음\"}").jsonPath("$.errors[0].field").isEqualTo("customerId");
        problem("{\"customerId\":{\"$ne\":null},\"text\":\"injection\"}").jsonPath("$.errors[0].field").isEqualTo("customerId");
        problem("{\"customerId\":\"c-1\",\"text\":\"x\",\"identityVerified\":\"maybe\"}")
                .jsonPath("$.errors[0].field").isEqualTo("identityVerified");
        problem("{\"customerId\":\"$where\",\"text\":\"x\"}").jsonPath("$.errors[0].field").isEqualTo("customerId");
        problem("{\"customerId\":\"c-1\",\"text\":\"   \"}").jsonPath("$.errors[0].field").isEqualTo("text");
        problem("{\"customerId\": \"c-1\", \"text\": ").jsonPath("$.errors[0].field").isEqualTo("body");

        http.post().uri("/api/channels/chat/messages").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"customerId\":\"c-1\",\"text\":\"" + "가".repeat(200_000) + "\"}")
                .exchange()
                .expectStatus().isEqualTo(413)
                .expectBody().jsonPath("$.type").isEqualTo("https://sori.io/problems/payload-too-large");

        assertThat(conversationCount()).isEqualTo(before);
    }

    private WebTestClient.BodyContentSpec problem(String json) {
        return http.post().uri("/api/channels/chat/messages").contentType(MediaType.APPLICATION_JSON).bodyValue(json)
                .exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type").isEqualTo("https://sori.io/problems/validation")
                .jsonPath("$.status").isEqualTo(400)
                .jsonPath("$.trace").doesNotExist();
    }

    private String send(String path, Map<String, Object> body) {
        return (String) http.post().uri(path).bodyValue(body).exchange().expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody().get("conversationId");
    }

    private long conversationCount() {
        return mongo.count(new org.springframework.data.mongodb.core.query.Query(), Conversation.COLLECTION).block();
    }
}
