package io.sori.channel.chat;

import static io.sori.channel.ChannelTestSupport.WAIT;
import static io.sori.channel.ChannelTestSupport.conversation;
import static io.sori.channel.ChannelTestSupport.newId;
import static io.sori.channel.ChannelTestSupport.post;
import static org.assertj.core.api.Assertions.assertThat;

import io.sori.channel.conversation.Conversation;
import io.sori.events.EventEnvelope;
import io.sori.events.Topics;
import io.sori.events.channel.Channel;
import io.sori.events.channel.InteractionRecorded;
import io.sori.testsupport.Callers;
import io.sori.testsupport.SoriIntegrationTest;
import io.sori.testsupport.TopicProbe;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

@SoriIntegrationTest
class ChatIntakeIT {

    @Autowired
    WebTestClient http;

    @Autowired
    ReactiveMongoTemplate mongo;

    @Test
    void shouldRecordAChatMessageAndPublishAnInteractionThatNeedsAPerson() {
        String customer = newId("cust");
        try (TopicProbe interactions = TopicProbe.on(Topics.CHANNEL_INTERACTIONS)) {
            Map<?, ?> answer = http.post().uri("/api/channels/chat/messages")
                    .headers(Callers.channel("app-backend"))
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
            assertThat(reply).containsEntry("handoff", true);
            assertThat((String) reply.get("text")).as("the first emergency guidance").contains("정지");

            EventEnvelope<InteractionRecorded> event = interactions.awaitEvent(InteractionRecorded.class,
                    e -> e.customerId().equals(customer), WAIT);
            assertThat(event.aggregateId()).isEqualTo(conversationId);
            assertThat(event.correlationId()).isEqualTo("corr-chat-1");
            assertThat(event.payload().interactionId()).isEqualTo(answer.get("interactionId"));
            assertThat(event.payload().channel()).isEqualTo(Channel.CHAT);
            assertThat(event.payload().needsHuman()).isTrue();
            assertThat(event.payload().handoffReason()).isEqualTo("URGENT");
            assertThat(event.payload().categoryHint()).isEqualTo("CARD_LOSS");
            assertThat(event.payload().identityVerified()).isTrue();
            assertThat(event.payload().text()).isEqualTo("체크카드를 잃어버렸어요. 어떻게 해야 하나요?");
            assertThat(event.payload().upset()).isFalse();
        }
    }

    @Test
    void shouldKeepTheConversationVerifiedAndMarkEachAngryMessageOnItsInteraction() {
        String customer = newId("cust");
        try (TopicProbe interactions = TopicProbe.on(Topics.CHANNEL_INTERACTIONS)) {
            String conversationId = send("/api/channels/talk/messages", Map.of("customerId", customer,
                    "text", "상담원 연결해 주세요", "identityVerified", true));
            // the messenger does not vouch again for a later message: the conversation stays verified
            Map<?, ?> angry = post(http, "/api/channels/talk/messages", Map.of("customerId", customer,
                    "conversationId", conversationId, "text", "도대체 왜 이렇게 연결이 안 돼요?? 몇 번을 말해요"), 200);

            InteractionRecorded calm = interactions.awaitEvent(InteractionRecorded.class,
                    e -> e.customerId().equals(customer) && !e.interactionId().equals(angry.get("interactionId")),
                    WAIT).payload();
            InteractionRecorded upset = interactions.awaitEvent(InteractionRecorded.class,
                    e -> e.interactionId().equals(angry.get("interactionId")), WAIT).payload();
            assertThat(calm.upset()).isFalse();
            assertThat(upset.upset()).isTrue();
            assertThat(upset.identityVerified()).isFalse(); // the event tells what this contact proved

            http.get().uri("/api/channels/conversations/{id}", conversationId).headers(Callers.agent("agent-kim"))
                    .exchange().expectStatus().isOk()
                    .expectBody().jsonPath("$.identityVerified").isEqualTo(true);
        }
    }

    @Test
    void shouldKeepFollowUpMessagesInTheSameConversationInOrderWithTheSystemAnswers() {
        String customer = newId("cust");
        String conversationId = send("/api/channels/talk/messages", Map.of("customerId", customer, "text", "상담원 연결해 주세요"));
        post(http, "/api/channels/talk/messages",
                Map.of("customerId", customer, "conversationId", conversationId, "text", "오늘 안에 가능할까요?"), 200);

        http.get().uri("/api/channels/conversations/{id}", conversationId).headers(Callers.agent("agent-kim"))
                .exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.channel").isEqualTo("TALK")
                .jsonPath("$.handedOff").isEqualTo(true)
                // customer, the handoff notice, customer (a person has it now: no more automatic answers)
                .jsonPath("$.messages.length()").isEqualTo(3)
                .jsonPath("$.messages[0].text").isEqualTo("상담원 연결해 주세요")
                .jsonPath("$.messages[0].from").isEqualTo("CUSTOMER")
                .jsonPath("$.messages[1].from").isEqualTo("SYSTEM")
                .jsonPath("$.messages[2].text").isEqualTo("오늘 안에 가능할까요?");
    }

    @Test
    void shouldJoinTheOpenConversationOnTheSameChannelWithinTheInactivityWindow() {
        String customer = newId("cust");
        String first = send("/api/channels/chat/messages", Map.of("customerId", customer, "text", "모임통장 만들고 싶어요"));
        String again = send("/api/channels/chat/messages", Map.of("customerId", customer, "text", "회비 자동이체도 되나요?"));
        String elsewhere = send("/api/channels/talk/messages", Map.of("customerId", customer, "text", "톡으로도 물어봐요"));

        assertThat(again).isEqualTo(first);
        assertThat(elsewhere).isNotEqualTo(first);
        assertThat(conversation(mongo, first).getList("messages", Document.class))
                .filteredOn(m -> "CUSTOMER".equals(m.getString("from"))).hasSize(2);
    }

    @Test
    void shouldAnswerTheSameIdempotencyKeyOnceAndTheSame() {
        String customer = newId("cust");
        Map<String, Object> body = Map.of("customerId", customer, "text", "해외송금 수수료가 궁금해요");
        Map<?, ?> first = http.post().uri("/api/channels/chat/messages").headers(Callers.channel("app-backend"))
                .header("Idempotency-Key", "msg-42-" + customer.substring(5, 13)).bodyValue(body).exchange()
                .expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
        Map<?, ?> second = http.post().uri("/api/channels/chat/messages").headers(Callers.channel("app-backend"))
                .header("Idempotency-Key", "msg-42-" + customer.substring(5, 13)).bodyValue(body).exchange()
                .expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();

        assertThat(second.get("interactionId")).isEqualTo(first.get("interactionId"));
        assertThat(second.get("conversationId")).isEqualTo(first.get("conversationId"));
        assertThat(conversation(mongo, (String) first.get("conversationId")).getList("messages", Document.class))
                .filteredOn(m -> "CUSTOMER".equals(m.getString("from"))).hasSize(1);
    }

    @Test
    void shouldRefuseTheSameIdempotencyKeyWithAnotherMessage() {
        String customer = newId("cust");
        String key = "msg-43-" + customer.substring(5, 13);
        Map<?, ?> first = http.post().uri("/api/channels/chat/messages").headers(Callers.channel("app-backend"))
                .header("Idempotency-Key", key).bodyValue(Map.of("customerId", customer, "text", "카드 배송 언제 와요?"))
                .exchange().expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
        http.post().uri("/api/channels/chat/messages").headers(Callers.channel("app-backend"))
                .header("Idempotency-Key", key).bodyValue(Map.of("customerId", customer, "text", "계좌를 해지하고 싶어요"))
                .exchange()
                .expectStatus().isEqualTo(422)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.type").isEqualTo("https://sori.io/problems/idempotency-key-reused")
                .jsonPath("$.title").exists().jsonPath("$.detail").exists()
                .jsonPath("$.errors[0].field").isEqualTo("Idempotency-Key");
        // the same key on another endpoint is another request too
        http.post().uri("/api/channels/inquiries").headers(Callers.channel("app-backend"))
                .header("Idempotency-Key", key).bodyValue(Map.of("customerId", customer, "kind", "INQUIRY",
                        "subject", "카드 배송", "text", "카드 배송 언제 와요?"))
                .exchange().expectStatus().isEqualTo(422);
        assertThat(conversation(mongo, (String) first.get("conversationId")).getList("messages", Document.class))
                .filteredOn(m -> "CUSTOMER".equals(m.getString("from")))
                .extracting(m -> m.getString("text")).containsExactly("카드 배송 언제 와요?");
        // and the first request, sent again, still gets its first answer
        Map<?, ?> again = http.post().uri("/api/channels/chat/messages").headers(Callers.channel("app-backend"))
                .header("Idempotency-Key", key).bodyValue(Map.of("customerId", customer, "text", "카드 배송 언제 와요?"))
                .exchange().expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
        assertThat(again.get("interactionId")).isEqualTo(first.get("interactionId"));
    }

    @Test
    void shouldNotLetOneCustomerWriteIntoAnothersConversation() {
        String conversationId = send("/api/channels/chat/messages", Map.of("customerId", "owner-1", "text", "안녕하세요"));
        http.post().uri("/api/channels/chat/messages").headers(Callers.channel("app-backend"))
                .bodyValue(Map.of("customerId", "intruder-1", "conversationId", conversationId, "text", "끼어들기"))
                .exchange()
                .expectStatus().isNotFound()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.type").isEqualTo("https://sori.io/problems/not-found");
    }

    @Test
    void shouldLetOnlyChannelPlatformsCallTheIntake() {
        Map<String, Object> body = Map.of("customerId", "cust-auth", "text", "안녕하세요");
        http.post().uri("/api/channels/chat/messages").bodyValue(body).exchange()
                .expectStatus().isUnauthorized()
                .expectBody().jsonPath("$.type").isEqualTo("https://sori.io/problems/unauthenticated");
        http.post().uri("/api/channels/chat/messages").headers(Callers.customer("cust-auth")).bodyValue(body).exchange()
                .expectStatus().isForbidden();
        http.post().uri("/api/channels/talk/messages").headers(Callers.agent("agent-kim")).bodyValue(body).exchange()
                .expectStatus().isForbidden();
        assertThat(io.sori.channel.ChannelTestSupport.conversationsOf(mongo, "cust-auth")).isZero();
    }

    @Test
    void shouldRefuseBadInputWithAProblemNamingTheFieldAndStoreNothing() {
        long before = conversationCount();

        problem("{\"text\":\"고객번호 없음\"}").jsonPath("$.errors[0].field").isEqualTo("customerId");
        problem("{\"customerId\":{\"$ne\":null},\"text\":\"injection\"}").jsonPath("$.errors[0].field").isEqualTo("customerId");
        problem("{\"customerId\":\"c-1\",\"text\":\"x\",\"identityVerified\":\"maybe\"}")
                .jsonPath("$.errors[0].field").isEqualTo("identityVerified");
        problem("{\"customerId\":\"$where\",\"text\":\"x\"}").jsonPath("$.errors[0].field").isEqualTo("customerId");
        problem("{\"customerId\":\"c-1\",\"conversationId\":\"../etc\",\"text\":\"x\"}")
                .jsonPath("$.errors[0].field").isEqualTo("conversationId");
        problem("{\"customerId\":\"c-1\",\"text\":\"   \"}").jsonPath("$.errors[0].field").isEqualTo("text");
        problem("{\"customerId\":\"c-1\",\"text\":[\"배열\"]}").jsonPath("$.errors[0].field").isEqualTo("text");
        problem("{\"customerId\":\"c-1\",\"text\":\"x\",\"attachments\":[{\"filename\":\"a.png\",\"contentType\":\"png\",\"sizeBytes\":1}]}")
                .jsonPath("$.errors[0].field").isEqualTo("attachments[0].contentType");
        problem("{\"customerId\": \"c-1\", \"text\": ").jsonPath("$.errors[0].field").isEqualTo("body");
        problem("[1,2,3]").jsonPath("$.errors[0].field").isEqualTo("body");
        http.post().uri("/api/channels/chat/messages").headers(Callers.channel("app-backend"))
                .header("Idempotency-Key", "$bad key").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"customerId\":\"c-1\",\"text\":\"x\"}").exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("Idempotency-Key");

        http.post().uri("/api/channels/chat/messages").headers(Callers.channel("app-backend"))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"customerId\":\"c-1\",\"text\":\"" + "가".repeat(200_000) + "\"}")
                .exchange()
                .expectStatus().isEqualTo(413)
                .expectBody().jsonPath("$.type").isEqualTo("https://sori.io/problems/payload-too-large");

        assertThat(conversationCount()).isEqualTo(before);
    }

    private WebTestClient.BodyContentSpec problem(String json) {
        return http.post().uri("/api/channels/chat/messages").headers(Callers.channel("app-backend"))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(json)
                .exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type").isEqualTo("https://sori.io/problems/validation")
                .jsonPath("$.status").isEqualTo(400)
                .jsonPath("$.trace").doesNotExist();
    }

    private String send(String path, Map<String, Object> body) {
        return (String) post(http, path, body, 200).get("conversationId");
    }

    private long conversationCount() {
        return mongo.count(new Query(), Conversation.COLLECTION).block();
    }

    @Test
    void shouldHandAFormalComplaintAndPlainWordedIdentityTheftToAPersonAtOnce() {
        String complainant = newId("cust");
        String victim = newId("cust");
        String phished = newId("cust");
        try (TopicProbe interactions = TopicProbe.on(Topics.CHANNEL_INTERACTIONS)) {
            Map<?, ?> complaint = post(http, "/api/channels/chat/messages", Map.of("customerId", complainant,
                    "text", "수수료가 두 번 빠졌는데 답이 없네요. 정식으로 민원 접수할게요"), 200);
            assertThat(((Map<?, ?>) complaint.get("reply")).get("handoff")).isEqualTo(true);
            InteractionRecorded filed = interactions.awaitEvent(InteractionRecorded.class,
                    e -> e.customerId().equals(complainant), WAIT).payload();
            assertThat(filed.formalComplaint()).as("a complaint said in chat is a formal complaint (민원)").isTrue();
            assertThat(filed.needsHuman()).isTrue();

            Map<?, ?> theft = post(http, "/api/channels/talk/messages", Map.of("customerId", victim,
                    "text", "누가 제 이름으로 대출을 받았대요"), 200);
            assertThat(((Map<?, ?>) theft.get("reply")).get("handoff")).as("no bot turn first").isEqualTo(true);
            assertThat(interactions.awaitEvent(InteractionRecorded.class, e -> e.customerId().equals(victim), WAIT)
                    .payload().categoryHint()).isEqualTo("FRAUD");

            Map<?, ?> phishing = post(http, "/api/channels/chat/messages", Map.of("customerId", phished,
                    "text", "검사라고 해서 원격 앱 깔고 300만원 보냈어요"), 200);
            assertThat((String) ((Map<?, ?>) phishing.get("reply")).get("text"))
                    .as("the payee account stop and the remote-control app").contains("지급정지", "원격");
        }
    }
}
