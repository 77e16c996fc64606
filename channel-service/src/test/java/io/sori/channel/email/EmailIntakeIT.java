package io.sori.channel.email;

import static io.sori.channel.ChannelTestSupport.WAIT;
import static io.sori.channel.ChannelTestSupport.conversation;
import static io.sori.channel.ChannelTestSupport.newId;
import static io.sori.channel.ChannelTestSupport.post;
import static org.assertj.core.api.Assertions.assertThat;

import io.sori.channel.contact.ContactBook;
import io.sori.channel.conversation.Conversation;
import io.sori.events.EventEnvelope;
import io.sori.events.Topics;
import io.sori.events.channel.Attachment;
import io.sori.events.channel.Channel;
import io.sori.events.channel.InteractionRecorded;
import io.sori.testsupport.Callers;
import io.sori.testsupport.SoriIntegrationTest;
import io.sori.testsupport.TopicProbe;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/** Inbound email, raw and as JSON, over the real broker and store. */
@SoriIntegrationTest
class EmailIntakeIT {

    private static final MediaType RFC822 = MediaType.parseMediaType("message/rfc822");

    @Autowired
    WebTestClient http;

    @Autowired
    ReactiveMongoTemplate mongo;

    @Test
    void shouldTakeARealKoreanMimeMailAndThreadTheReplyIntoTheSameConversation() {
        String sender = newId("hong").substring(0, 20) + "@example.com";
        String firstId = "<" + newId("first") + "@mail.example.com>";
        try (TopicProbe interactions = TopicProbe.on(Topics.CHANNEL_INTERACTIONS)) {
            Map<?, ?> first = raw(KoreanMail.multipart(sender, firstId), 202);
            String conversationId = (String) first.get("conversationId");
            String contact = ContactBook.unverifiedContactId(sender);
            assertThat(first.get("customerId")).isEqualTo(contact);
            assertThat(first.get("knownCustomer")).isEqualTo(false);

            EventEnvelope<InteractionRecorded> event = interactions.awaitEvent(InteractionRecorded.class,
                    e -> e.interactionId().equals(first.get("interactionId")), WAIT);
            InteractionRecorded mail = event.payload();
            assertThat(mail.channel()).isEqualTo(Channel.EMAIL);
            assertThat(mail.kind()).isEqualTo("EMAIL");
            assertThat(mail.customerId()).isEqualTo(contact);
            assertThat(mail.identityVerified()).isFalse();
            assertThat(mail.needsHuman()).isTrue();
            assertThat(mail.subject()).isEqualTo(KoreanMail.SUBJECT);
            assertThat(mail.text()).startsWith("안녕하세요. 어제 체크카드를 잃어버렸는데 재발급 받으려면 어떻게 하나요?")
                    .contains("010-****-5678", "****-****-****-1111")
                    .doesNotContain("1234-5678", "4111-1111-1111-1111");
            assertThat(mail.attachments()).containsExactly(
                    new Attachment("분실신고서_홍길동.pdf", "application/pdf", KoreanMail.FORM_SIZE),
                    new Attachment("카드사진.jpg", "image/jpeg", KoreanMail.PHOTO_SIZE));

            String replyId = "<" + newId("reply") + "@mail.example.com>";
            Map<?, ?> reply = raw(KoreanMail.reply(sender, replyId, firstId, "재발급은 앱에서 신청하면 되나요? 급해요."), 202);
            assertThat(reply.get("conversationId")).isEqualTo(conversationId);
            interactions.awaitEvent(InteractionRecorded.class,
                    e -> e.interactionId().equals(reply.get("interactionId")) && e.conversationId().equals(conversationId),
                    WAIT);

            Document stored = conversation(mongo, conversationId);
            assertThat(stored.getString("channel")).isEqualTo("EMAIL");
            assertThat(stored.getString("subject")).isEqualTo(KoreanMail.SUBJECT);
            assertThat(stored.getList("messages", Document.class)).extracting(m -> m.getString("externalId"))
                    .containsExactly(firstId, replyId);
            // attachments are metadata only: their bytes are stored nowhere
            assertThat(stored.toJson()).doesNotContain(KoreanMail.bytesB64(64).substring(0, 40));
        }
    }

    @Test
    void shouldMatchALaterMailToTheCustomerTheMailPlatformNamedBefore() {
        String customer = newId("cust");
        String address = "Kim." + customer.substring(5, 13) + "@Example.com";
        Map<?, ?> vouched = post(http, "/api/channels/email/inbound", email(address, "<v-" + customer + "@x.com>",
                "이체 한도 증액 문의", "이체 한도를 1억으로 올리고 싶습니다.", customer), 202);
        assertThat(vouched.get("customerId")).isEqualTo(customer);

        Map<?, ?> later = post(http, "/api/channels/email/inbound", email(address.toLowerCase(), "<l-" + customer + "@x.com>",
                "외화 환전 문의", "엔화 환전 우대율이 궁금합니다.", null), 202);
        assertThat(later.get("customerId")).isEqualTo(customer);
        assertThat(later.get("knownCustomer")).isEqualTo(true);
        // a new subject without thread headers is a new conversation of the same customer
        assertThat(later.get("conversationId")).isNotEqualTo(vouched.get("conversationId"));
        assertThat(conversation(mongo, (String) later.get("conversationId")).getBoolean("identityVerified")).isFalse();
    }

    @Test
    void shouldRecordTheSameMailOnceWhenTheGatewaySendsItAgain() {
        String sender = newId("dup").substring(0, 16) + "@example.com";
        String id = "<" + newId("dup") + "@mail.example.com>";
        try (TopicProbe interactions = TopicProbe.on(Topics.CHANNEL_INTERACTIONS)) {
            Map<?, ?> first = raw(KoreanMail.multipart(sender, id), 202);
            Map<?, ?> again = raw(KoreanMail.multipart(sender, id), 202);
            assertThat(again.get("interactionId")).isEqualTo(first.get("interactionId"));
            assertThat(again.get("conversationId")).isEqualTo(first.get("conversationId"));

            interactions.awaitEvent(InteractionRecorded.class, e -> e.interactionId().equals(first.get("interactionId")), WAIT);
            assertThat(interactions.drain(Duration.ofSeconds(1)))
                    .filteredOn(r -> r.value().contains("channel.InteractionRecorded")
                            && r.value().contains((String) first.get("conversationId")))
                    .hasSize(1);
        }
    }

    @Test
    void shouldRefuseUnreadableMailAndUnknownMediaTypesAndStoreNothing() {
        long before = mongo.count(new org.springframework.data.mongodb.core.query.Query(), Conversation.COLLECTION)
                .block(WAIT);

        http.post().uri("/api/channels/email/inbound").headers(Callers.channel("mail-gateway")).contentType(RFC822)
                .bodyValue("그냥 텍스트입니다".getBytes(java.nio.charset.StandardCharsets.UTF_8)).exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("From");
        http.post().uri("/api/channels/email/inbound").headers(Callers.channel("mail-gateway"))
                .contentType(MediaType.TEXT_PLAIN).bodyValue("From: a@b.c\r\n\r\nhi").exchange()
                .expectStatus().isEqualTo(415)
                .expectBody().jsonPath("$.type").isEqualTo("https://sori.io/problems/unsupported-media-type");
        http.post().uri("/api/channels/email/inbound").headers(Callers.channel("mail-gateway"))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(email("not-an-address", "<x@y>", "제목", "본문", null)).exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("from");
        http.post().uri("/api/channels/email/inbound").headers(Callers.channel("mail-gateway"))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(email("a@example.com", "<x y>", "제목", "본문", null)).exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("messageId");
        http.post().uri("/api/channels/email/inbound").contentType(RFC822)
                .bodyValue(KoreanMail.multipart("a@example.com", "<anon@x>")).exchange()
                .expectStatus().isUnauthorized();

        assertThat(mongo.count(new org.springframework.data.mongodb.core.query.Query(), Conversation.COLLECTION)
                .block(WAIT)).isEqualTo(before);
        assertThat(io.sori.channel.ChannelTestSupport.count(mongo, Conversation.COLLECTION,
                Criteria.where("threadKeys").is("email:<anon@x>"))).isZero();
    }

    private Map<?, ?> raw(byte[] mail, int status) {
        return http.post().uri("/api/channels/email/inbound").headers(Callers.channel("mail-gateway"))
                .contentType(RFC822).bodyValue(mail).exchange()
                .expectStatus().isEqualTo(status)
                .expectBody(Map.class).returnResult().getResponseBody();
    }

    static Map<String, Object> email(String from, String messageId, String subject, String text, String customerId) {
        Map<String, Object> body = new HashMap<>();
        body.put("from", from);
        body.put("to", "help@soribank.example");
        body.put("subject", subject);
        body.put("text", text);
        body.put("messageId", messageId);
        if (customerId != null) {
            body.put("customerId", customerId);
            body.put("identityVerified", false);
        }
        body.put("attachments", List.of());
        return body;
    }
}
