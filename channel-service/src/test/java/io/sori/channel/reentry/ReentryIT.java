package io.sori.channel.reentry;

import static io.sori.channel.ChannelTestSupport.WAIT;
import static io.sori.channel.ChannelTestSupport.conversation;
import static io.sori.channel.ChannelTestSupport.newId;
import static io.sori.channel.ChannelTestSupport.post;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.MeterRegistry;
import io.sori.channel.OutsideWorld;
import io.sori.events.EventEnvelope;
import io.sori.events.Topics;
import io.sori.events.blocklist.BlockState;
import io.sori.events.blocklist.CustomerBlocked;
import io.sori.events.blocklist.CustomerUnblocked;
import io.sori.events.blocklist.CustomerWarned;
import io.sori.events.channel.Channel;
import io.sori.events.channel.InteractionRecorded;
import io.sori.testsupport.Callers;
import io.sori.testsupport.SoriIntegrationTest;
import io.sori.testsupport.TopicProbe;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/** Re-entry enforcement from the compacted blocklist topic, published the way blocklist-service will. */
@SoriIntegrationTest
class ReentryIT {

    @Autowired
    WebTestClient http;

    @Autowired
    ReactiveMongoTemplate mongo;

    @Autowired
    BlockStates blocks;

    @Autowired
    OutsideWorld.TestPushGateway pushes;

    @Autowired
    MeterRegistry meters;

    @Test
    void shouldRefuseABlockedCustomersChatTalkAndInquiryButLetTheirLostCardReportThroughAsUrgent() {
        String customer = newId("cust");
        Instant until = Instant.now().plus(7, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
        block(customer, until);
        double refusedBefore = refused("CHAT");

        http.post().uri("/api/channels/chat/messages").headers(Callers.channel("app-backend"))
                .bodyValue(Map.of("customerId", customer, "text", "또 왔다 이것들아")).exchange()
                .expectStatus().isForbidden()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type").isEqualTo("https://sori.io/problems/customer-blocked")
                .jsonPath("$.blockedUntil").isEqualTo(until.toString())
                .jsonPath("$.emergencyPhone").isEqualTo("1500-7071")
                .jsonPath("$.emergencyPath").value(path -> assertThat((String) path).contains("분실", "보이스피싱"));
        http.post().uri("/api/channels/talk/messages").headers(Callers.channel("kakao"))
                .bodyValue(Map.of("customerId", customer, "text", "톡으로 다시 왔어요")).exchange()
                .expectStatus().isForbidden();
        http.post().uri("/api/channels/inquiries").headers(Callers.channel("app-backend"))
                .bodyValue(Map.of("customerId", customer, "kind", "INQUIRY", "subject", "문의", "text", "문의합니다"))
                .exchange()
                .expectStatus().isForbidden()
                .expectBody().jsonPath("$.blockedUntil").isEqualTo(until.toString());
        assertThat(io.sori.channel.ChannelTestSupport.conversationsOf(mongo, customer)).isZero();
        assertThat(refused("CHAT")).isEqualTo(refusedBefore + 1);

        try (TopicProbe interactions = TopicProbe.on(Topics.CHANNEL_INTERACTIONS)) {
            Map<String, Object> accepted = post(http, "/api/channels/chat/messages", Map.of("customerId", customer,
                    "text", "체크카드를 잃어버렸어요 정지해 주세요"), 200);
            @SuppressWarnings("unchecked") Map<String, Object> reply = (Map<String, Object>) accepted.get("reply");
            assertThat(reply).containsEntry("handoff", true);

            EventEnvelope<InteractionRecorded> event = interactions.awaitEvent(InteractionRecorded.class,
                    e -> e.interactionId().equals(accepted.get("interactionId")), WAIT);
            assertThat(event.payload().needsHuman()).isTrue();
            assertThat(event.payload().handoffReason()).isEqualTo("URGENT");
            assertThat(event.payload().categoryHint()).isEqualTo("CARD_LOSS");

            Map<String, Object> fraud = post(http, "/api/channels/inquiries", Map.of("customerId", customer,
                    "kind", "INQUIRY", "subject", "보이스 피싱 신고", "text", "검찰 사칭 전화에 속아 송금했어요"), 202);
            assertThat(interactions.awaitEvent(InteractionRecorded.class,
                    e -> e.interactionId().equals(fraud.get("interactionId")), WAIT).payload().categoryHint())
                    .isEqualTo("FRAUD");
        }
    }

    @Test
    void shouldEndALiveConsultationWithTheLegallyRequiredNoticeWhenABlockArrives() {
        String customer = newId("cust");
        String conversationId = (String) post(http, "/api/channels/chat/messages",
                Map.of("customerId", customer, "text", "상담원 바꿔 당장"), 200).get("conversationId");
        // far in the future on purpose: a block that has already ended is not enforced
        Instant until = Instant.parse("2099-12-01T09:00:00Z");

        block(customer, until);

        Document ended = await().atMost(WAIT).until(() -> conversation(mongo, conversationId),
                c -> "CLOSED".equals(c.getString("status")));
        assertThat(ended.getString("closedReason")).isEqualTo("BLOCKED");
        List<Document> messages = ended.getList("messages", Document.class);
        Document notice = messages.get(messages.size() - 1);
        assertThat(notice.getString("from")).isEqualTo("SYSTEM");
        assertThat(notice.getString("text")).contains("반복된 욕설·폭언", "산업안전보건법", "제41조", "정책",
                "2099년 12월 1일 18:00까지", "1500-7071", "분실");
        await().atMost(WAIT).until(() -> pushes.recent().stream()
                .anyMatch(p -> conversationId.equals(p.conversationId()) && p.text().contains("제41조")));

        // the same block redelivered adds no second notice
        block(customer, until);
        http.get().uri("/api/channels/conversations/{id}", conversationId).headers(Callers.supervisor("lead-park"))
                .exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo("CLOSED")
                .jsonPath("$.messages.length()").isEqualTo(messages.size());
    }

    @Test
    void shouldLetTheCustomerBackWhenUnblockedByATombstoneOrWhenTheBlockHasExpired() {
        String lifted = newId("cust");
        block(lifted, Instant.now().plus(1, ChronoUnit.DAYS));
        TopicProbe.send(EventEnvelope.of(new CustomerUnblocked(lifted, "blk-" + lifted, "이의 신청 인용", "lead-park",
                BlockState.notBlocked()), null, Instant.now()));
        await().atMost(WAIT).until(() -> blocks.activeBlock(lifted).blockOptional().isEmpty());
        post(http, "/api/channels/chat/messages", Map.of("customerId", lifted, "text", "다시 문의드려요"), 200);

        String forgotten = newId("cust");
        block(forgotten, Instant.now().plus(1, ChronoUnit.DAYS));
        TopicProbe.send(Topics.BLOCKLIST, forgotten, null);
        await().atMost(WAIT).until(() -> blocks.activeBlock(forgotten).blockOptional().isEmpty());
        post(http, "/api/channels/talk/messages", Map.of("customerId", forgotten, "text", "톡 상담 가능할까요"), 200);

        String expired = newId("cust");
        TopicProbe.send(EventEnvelope.of(new CustomerBlocked(expired, "blk-" + expired, "rep-1", "PROFANITY", 1,
                new BlockState(true, "blk-" + expired, Instant.now().minus(1, ChronoUnit.HOURS), "PROFANITY")),
                null, Instant.now().minus(2, ChronoUnit.DAYS)));
        await().atMost(WAIT).until(() -> mongo.findById(expired, Document.class, BlockView.COLLECTION).blockOptional()
                .isPresent());
        post(http, "/api/channels/chat/messages", Map.of("customerId", expired, "text", "차단 기간이 끝났죠?"), 200);
    }

    @Test
    void shouldRefuseOnlyTheChannelsABlockCoversAndStillLetALostCardReportThrough() {
        String customer = newId("cust");
        String blockId = "blk-" + customer;
        Instant until = Instant.now().plus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
        TopicProbe.send(EventEnvelope.of(new CustomerBlocked(customer, blockId, "rep-1", "SPAM", 1,
                new BlockState(true, blockId, until, "SPAM", List.of(Channel.CHAT))), "corr-chat-only", Instant.now()));
        await().atMost(WAIT).until(() -> blocks.activeBlock(customer).blockOptional().isPresent());

        http.post().uri("/api/channels/chat/messages").headers(Callers.channel("app-backend"))
                .bodyValue(Map.of("customerId", customer, "text", "광고 보고 가세요")).exchange()
                .expectStatus().isForbidden()
                .expectBody().jsonPath("$.type").isEqualTo("https://sori.io/problems/customer-blocked");
        post(http, "/api/channels/talk/messages", Map.of("customerId", customer, "text", "톡으로 문의드려요"), 200);
        post(http, "/api/channels/chat/messages", Map.of("customerId", customer, "text", "카드를 잃어버렸어요"), 200);
    }

    @Test
    void shouldShowAWarningInTheLiveConversationOnceAndKeepItOpen() {
        String customer = newId("cust");
        String conversationId = (String) post(http, "/api/channels/chat/messages",
                Map.of("customerId", customer, "text", "ㅅㅂ 왜 안 돼"), 200).get("conversationId");
        var warned = new CustomerWarned(customer, "det-1", "PROFANITY", 1, BlockState.notBlocked(), conversationId);

        TopicProbe.send(EventEnvelope.of(warned, "corr-warn", Instant.now()));

        Document warnedConversation = await().atMost(WAIT).until(() -> conversation(mongo, conversationId),
                c -> c.getList("messages", Document.class).stream().anyMatch(m -> m.getString("_id").startsWith("warning-")));
        assertThat(warnedConversation.getString("status")).isEqualTo("OPEN");
        List<Document> messages = warnedConversation.getList("messages", Document.class);
        assertThat(messages.get(messages.size() - 1).getString("text")).contains("욕설·폭언", "산업안전보건법", "제41조");
        await().atMost(WAIT).until(() -> pushes.recent().stream()
                .anyMatch(p -> conversationId.equals(p.conversationId()) && p.text().contains("제41조")));

        TopicProbe.send(EventEnvelope.of(warned, "corr-warn", Instant.now())); // redelivered under a new event id
        post(http, "/api/channels/chat/messages", Map.of("customerId", customer, "conversationId", conversationId,
                "text", "네 알겠습니다"), 200);
        assertThat(conversation(mongo, conversationId).getList("messages", Document.class).stream()
                .filter(m -> m.getString("_id").startsWith("warning-"))).hasSize(1);
    }

    @Test
    void shouldEndOnlyTheLiveConversationsOnTheChannelsTheReportsBlockCovers() {
        String customer = newId("cust");
        String talk = (String) post(http, "/api/channels/talk/messages",
                Map.of("customerId", customer, "text", "상담원 연결해 주세요 당장"), 200).get("conversationId");
        String chat = (String) post(http, "/api/channels/chat/messages",
                Map.of("customerId", customer, "text", "이체한도 문의드려요"), 200).get("conversationId");
        String blockId = "blk-talk-" + customer;
        // an agent's threat report on the talk conversation, limited to talk: blocklist-service publishes this state
        TopicProbe.send(EventEnvelope.of(new CustomerBlocked(customer, blockId, "rep-talk-" + customer, "THREAT", 1,
                new BlockState(true, blockId, Instant.parse("2099-01-01T00:00:00Z"), "THREAT", List.of(Channel.TALK))),
                "corr-talk", Instant.now()));

        Document ended = await().atMost(WAIT).until(() -> conversation(mongo, talk),
                c -> "CLOSED".equals(c.getString("status")));
        assertThat(ended.getString("closedReason")).isEqualTo("BLOCKED");
        List<Document> messages = ended.getList("messages", Document.class);
        assertThat(messages.get(messages.size() - 1).getString("text")).contains("위협적인 언행", "제41조", "1500-7071");
        http.get().uri("/api/channels/conversations/{id}", talk).headers(Callers.agent("agent-kim")).exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo("CLOSED");
        assertThat(conversation(mongo, chat).getString("status")).as("chat is not covered by this block")
                .isEqualTo("OPEN");
    }

    /** Publishes a block and waits until this service has taken it in. */
    private void block(String customer, Instant until) {
        String blockId = "blk-" + customer;
        TopicProbe.send(EventEnvelope.of(new CustomerBlocked(customer, blockId, "rep-" + customer, "PROFANITY", 2,
                new BlockState(true, blockId, until, "PROFANITY")), "corr-block", Instant.now()));
        await().atMost(WAIT).until(() -> blocks.activeBlock(customer).blockOptional().isPresent());
    }

    private double refused(String channel) {
        var counter = meters.find("sori.blocked.attempts").tag("channel", channel).counter();
        return counter == null ? 0 : counter.count();
    }
}
