package io.sori.channel.redaction;

import static io.sori.channel.ChannelTestSupport.WAIT;
import static io.sori.channel.ChannelTestSupport.conversation;
import static io.sori.channel.ChannelTestSupport.newId;
import static io.sori.channel.ChannelTestSupport.post;
import static org.assertj.core.api.Assertions.assertThat;

import io.sori.events.Topics;
import io.sori.events.channel.InteractionRecorded;
import io.sori.testsupport.SoriIntegrationTest;
import io.sori.testsupport.TopicProbe;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.test.web.reactive.server.WebTestClient;

/** Personal numbers are masked before the store or the broker see them, on every channel. */
@SoriIntegrationTest
class RedactionIT {

    private static final String RRN = "900101-1234567";
    private static final String CARD = "4111 1111 1111 1111";
    private static final String ACCOUNT = "3333-01-1234567";
    private static final String PHONE = "010-1234-5678";
    private static final List<String> RAW = List.of(RRN, "9001011234567", CARD, "4111111111111111", ACCOUNT,
            "1234567", PHONE, "1234-5678", "01012345678");

    @Autowired
    WebTestClient http;

    @Autowired
    ReactiveMongoTemplate mongo;

    @Test
    void shouldMaskEveryKindOfPersonalNumberInTheStoreAndOnTheBroker() {
        String customer = newId("cust");
        String chat = "제 주민번호는 " + RRN + "이고 카드는 " + CARD + ", 계좌는 " + ACCOUNT + ", 연락처는 " + PHONE + "입니다";
        try (TopicProbe interactions = TopicProbe.on(Topics.CHANNEL_INTERACTIONS)) {
            Map<?, ?> fromChat = post(http, "/api/channels/chat/messages", Map.of("customerId", customer, "text", chat,
                    "attachments", List.of(Map.of("filename", "신분증_" + "9001011234567" + ".jpg",
                            "contentType", "image/jpeg", "sizeBytes", 1024))), 200);
            Map<?, ?> fromInquiry = post(http, "/api/channels/inquiries", Map.of("customerId", customer,
                    "kind", "COMPLAINT", "subject", "계좌 " + ACCOUNT + " 출금 오류", "text", "연락처 01012345678로 주세요"),
                    202);
            Map<?, ?> fromCall = post(http, "/api/channels/phone/calls", Map.of("customerId", customer,
                    "callId", newId("call"), "direction", "INBOUND", "startedAt", Instant.now().toString(),
                    "summary", "카드번호 4111111111111111 정지 요청"), 202);
            Map<?, ?> fromMail = post(http, "/api/channels/email/inbound", Map.of("from", "r." + customer.substring(5, 12)
                    + "@example.com", "subject", "주민번호 " + RRN + " 확인", "text", "카드 " + CARD + " 분실",
                    "messageId", "<" + customer + "@x>", "customerId", customer,
                    "attachments", List.of(Map.of("filename", "통장사본_" + ACCOUNT + ".pdf",
                            "contentType", "application/pdf", "sizeBytes", 2048))), 202);

            for (Map<?, ?> accepted : List.of(fromChat, fromInquiry, fromCall, fromMail)) {
                String interactionId = (String) accepted.get("interactionId");
                InteractionRecorded event = interactions.awaitEvent(InteractionRecorded.class,
                        e -> e.interactionId().equals(interactionId), WAIT).payload();
                ConsumerRecord<String, String> record = interactions.await(r -> r.value().contains(interactionId), WAIT);
                Document stored = conversation(mongo, (String) accepted.get("conversationId"));
                for (String raw : RAW) {
                    assertThat(record.value()).as("published event").doesNotContain(raw);
                    assertThat(stored.toJson()).as("stored conversation").doesNotContain(raw);
                }
                assertThat(event.text()).containsAnyOf("-****-", "****");
            }
            InteractionRecorded chatEvent = interactions.awaitEvent(InteractionRecorded.class,
                    e -> e.interactionId().equals(fromChat.get("interactionId")), WAIT).payload();
            assertThat(chatEvent.text()).isEqualTo("제 주민번호는 ******-*******이고 카드는 **** **** **** 1111, "
                    + "계좌는 ****-**-***4567, 연락처는 010-****-5678입니다");
            assertThat(chatEvent.attachments().get(0).filename()).isEqualTo("신분증_******-*******.jpg");
            InteractionRecorded mailEvent = interactions.awaitEvent(InteractionRecorded.class,
                    e -> e.interactionId().equals(fromMail.get("interactionId")), WAIT).payload();
            assertThat(mailEvent.subject()).isEqualTo("주민번호 ******-******* 확인");
            assertThat(mailEvent.attachments().get(0).filename()).isEqualTo("통장사본_****-**-***4567.pdf");
        }
    }
}
