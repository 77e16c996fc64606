package io.sori.channel.hostile;

import static io.sori.channel.ChannelTestSupport.newId;
import static io.sori.channel.ChannelTestSupport.post;
import static org.assertj.core.api.Assertions.assertThat;

import io.sori.channel.conversation.Conversation;
import io.sori.testsupport.Callers;
import io.sori.testsupport.SoriIntegrationTest;
import io.sori.testsupport.hostile.HostileCase;
import io.sori.testsupport.hostile.HostileSweep;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.HttpMethod;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Every public endpoint of channel-service under hostile input (generated from its OpenAPI
 * document, see docs/hostile-input.md): refused with problem details, nothing kept, still serving.
 */
@SoriIntegrationTest
class HostileInputIT {

    private static final String INBOUND = "POST /api/channels/email/inbound";

    @Autowired
    WebTestClient http;

    @Autowired
    ReactiveMongoTemplate mongo;

    private HostileSweep sweep() {
        return HostileSweep.of(http, mongo)
                .callers(e -> e.method() == HttpMethod.POST && !e.path().startsWith("/api/channels/callbacks")
                        ? Callers.channel("app-backend") : Callers.supervisor("lead-hostile"))
                .sample("POST /api/channels/chat/messages",
                        "{\"customerId\":\"{m}-c1\",\"text\":\"{m} 이체한도를 올리고 싶어요\",\"identityVerified\":true}")
                .sample("POST /api/channels/talk/messages",
                        "{\"customerId\":\"{m}-c1\",\"text\":\"{m} 상담원 연결해 주세요\"}")
                .sample(INBOUND, "{\"from\":\"{m}@example.com\",\"subject\":\"{m} 문의\",\"text\":\"{m} 카드 명세서가 안 와요\","
                        + "\"messageId\":\"<{m}@mail.example>\"}")
                .sample("POST /api/channels/phone/calls", "{\"customerId\":\"{m}-c1\",\"callId\":\"{m}-call\","
                        + "\"direction\":\"INBOUND\",\"line\":\"GENERAL\",\"startedAt\":\"2026-03-02T01:00:00Z\","
                        + "\"summary\":\"{m} 대출 상환 문의\"}")
                .sample("POST /api/channels/phone/callbacks", "{\"customerId\":\"{m}-c1\",\"phoneNumber\":\"010-1234-5678\","
                        + "\"preferredFrom\":\"" + java.time.Instant.now().plusSeconds(3600) + "\",\"preferredTo\":\""
                        + java.time.Instant.now().plusSeconds(7200) + "\",\"reason\":\"{m} 전세대출 상담\"}")
                .sample("POST /api/channels/inquiries", "{\"customerId\":\"{m}-c1\",\"kind\":\"INQUIRY\","
                        + "\"subject\":\"{m} 해외송금\",\"text\":\"{m} 해외송금 수수료가 궁금해요\"}")
                .with(rawMail())
                .stillServes(client -> post(client, "/api/channels/chat/messages", Map.of("customerId",
                        newId("cust"), "text", "체크카드 분실 신고하려고요"), 200));
    }

    @Test
    void shouldRefuseHostileInputOnEveryEndpointWithProblemsAndKeepNothing() {
        HostileSweep.Report report = sweep().run();
        assertThat(report.endpoints()).contains("POST /api/channels/chat/messages", "POST /api/channels/talk/messages",
                INBOUND, "POST /api/channels/phone/calls", "POST /api/channels/phone/callbacks",
                "POST /api/channels/inquiries", "GET /api/channels/conversations/{conversationId}",
                "GET /api/channels/customers/{customerId}/journey");
    }

    @Test
    void shouldNotShowOneCustomersConversationOrJourneyToAnother() {
        String owner = newId("cust-owner");
        Map<String, Object> chat = post(http, "/api/channels/chat/messages",
                Map.of("customerId", owner, "text", "대출 이자가 갑자기 올랐어요"), 200);
        String conversationId = (String) chat.get("conversationId");
        List<String> read = sweep().crossCustomer(Callers.customer(newId("cust-stranger")),
                Map.of("customerId", owner, "conversationId", conversationId));
        assertThat(read).contains("GET /api/channels/conversations/{conversationId}",
                "GET /api/channels/customers/{customerId}/journey");
        // the owner still reads their own
        http.get().uri("/api/channels/conversations/" + conversationId).headers(Callers.customer(owner)).exchange()
                .expectStatus().isOk();
    }

    @Test
    void shouldAnswerAReplayedMessageOnceAndKeepItOnce() {
        String customer = newId("cust-replay");
        for (String channel : List.of("chat", "talk")) {
            sweep().replay("POST /api/channels/" + channel + "/messages", Callers.channel("app-backend"),
                    "{\"customerId\":\"" + customer + "\",\"text\":\"카드 결제일 변경하고 싶어요\"}",
                    "{\"customerId\":\"" + customer + "\",\"text\":\"다른 내용으로 다시 보냅니다\"}",
                    () -> messagesOf(customer));
        }
        sweep().replay("POST /api/channels/inquiries", Callers.channel("app-backend"),
                "{\"customerId\":\"" + customer + "\",\"kind\":\"COMPLAINT\",\"subject\":\"수수료\",\"text\":\"수수료가 두 번 빠졌어요\"}",
                "{\"customerId\":\"" + customer + "\",\"kind\":\"INQUIRY\",\"subject\":\"다른 것\",\"text\":\"다른 문의\"}",
                () -> messagesOf(customer));
    }

    private long messagesOf(String customer) {
        return mongo.find(Query.query(Criteria.where("customerId").is(customer)), Document.class,
                        Conversation.COLLECTION)
                .map(c -> (long) c.getList("messages", Object.class, List.of()).size())
                .reduce(0L, Long::sum).block();
    }

    /** Raw RFC 822 mail: the OpenAPI document describes only the JSON form of the inbound endpoint. */
    private static List<HostileCase> rawMail() {
        String m = io.sori.testsupport.hostile.HostileInputs.Markers.PLACEHOLDER;
        List<HostileCase> cases = new ArrayList<>();
        String uri = "/api/channels/email/inbound";
        for (String mail : List.of("", "\r\n\r\n", "garbage " + m, "From: nobody\r\n\r\n" + m,
                "From: a@b.example\r\nSubject: " + m + "\r\n\r\n",
                "Content-Type: multipart/mixed; boundary=x\r\nFrom: a@b.example\r\n\r\n--x\r\n" + m,
                "From: a@b.example\r\nContent-Type: multipart/mixed; boundary=\"" + "x".repeat(5000) + "\"\r\n\r\n" + m,
                "From: a@b.example\r\nContent-Transfer-Encoding: base64\r\n\r\n!!!" + m)) {
            cases.add(HostileCase.refused(INBOUND, "raw-mail", "unreadable or empty mail", HttpMethod.POST, uri,
                    "message/rfc822", mail.replace(m, "hxrefmail")));
        }
        // far past the raw-mail limit (10 MB)
        byte[] huge = ("From: a@b.example\r\nSubject: hxrefmail\r\n\r\n" + "가".repeat(4 * 1024 * 1024))
                .getBytes(StandardCharsets.UTF_8);
        cases.add(HostileCase.refused(INBOUND, "huge-body", "12 MB raw mail", HttpMethod.POST, uri, "message/rfc822",
                huge));
        // invalid UTF-8 in the From header
        byte[] header = ("From: a" + new String(HexFormat.of().parseHex("ff"), StandardCharsets.ISO_8859_1)
                + "\r\n\r\nhxrefmail").getBytes(StandardCharsets.ISO_8859_1);
        cases.add(HostileCase.refused(INBOUND, "invalid-utf8", "From with byte ff", HttpMethod.POST, uri,
                "message/rfc822", header));
        return cases;
    }
}
