package io.sori.channel.delivery;

import static io.sori.channel.ChannelTestSupport.WAIT;
import static io.sori.channel.ChannelTestSupport.conversation;
import static io.sori.channel.ChannelTestSupport.newId;
import static io.sori.channel.ChannelTestSupport.post;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.util.GreenMail;
import io.micrometer.core.instrument.MeterRegistry;
import io.sori.channel.OutsideWorld;
import io.sori.events.EventEnvelope;
import io.sori.events.SoriEvent;
import io.sori.events.Topics;
import io.sori.events.banking.EmergencyAction;
import io.sori.events.channel.CallbackRequested;
import io.sori.events.channel.Channel;
import io.sori.events.channel.MessageDelivered;
import io.sori.events.survey.SurveyIssued;
import io.sori.events.ticket.ComplaintReceiptConfirmed;
import io.sori.events.ticket.Priority;
import io.sori.events.ticket.TicketCreated;
import io.sori.events.ticket.TicketEmergencyActionUpdated;
import io.sori.events.ticket.TicketReplied;
import io.sori.events.ticket.TicketStage;
import io.sori.events.ticket.TicketStageChanged;
import io.sori.testsupport.SoriIntegrationTest;
import io.sori.testsupport.TopicProbe;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.kafka.listener.MessageListenerContainer;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Outbound delivery from real ticket and survey events on the broker, to a real SMTP server, the
 * recorded push gateway and the simulated SMS gateway.
 */
@SoriIntegrationTest
class DeliveryIT {

    @Autowired
    WebTestClient http;

    @Autowired
    ReactiveMongoTemplate mongo;

    @Autowired
    GreenMail greenMail;

    @Autowired
    OutsideWorld.TestPushGateway pushes;

    SimulatedSmsSender sms = OutsideWorld.sms();

    @Autowired
    MeterRegistry meters;

    @Autowired
    @Qualifier("soriEventListenerContainer")
    MessageListenerContainer listener;

    @Test
    void shouldMailTheAgentsReplyOnceInTheCustomersThreadWhateverTheBrokerRedelivers() throws Exception {
        String customer = newId("cust");
        String address = "lee." + customer.substring(5, 13) + "@example.com";
        String customerMessageId = "<" + customer + "@mail.example.com>";
        String conversationId = (String) post(http, "/api/channels/email/inbound", Map.of("from", address,
                "subject", "해외송금 한도 문의", "text", "해외송금 한도를 늘릴 수 있나요?", "messageId", customerMessageId,
                "customerId", customer), 202).get("conversationId");
        String ticketId = newId("tkt");
        send(created(ticketId, "SR-20261124-000777", customer, Channel.EMAIL, conversationId));
        EventEnvelope<TicketReplied> reply = EventEnvelope.of(new TicketReplied(ticketId, customer, newId("reply"),
                Channel.EMAIL, conversationId, "안녕하세요 고객님. 해외송금 한도는 앱의 '한도 관리'에서 연 5만 달러까지 올리실 수 있습니다.",
                "agent-kim"), "corr-reply", Instant.now());

        try (TopicProbe interactions = TopicProbe.on(Topics.CHANNEL_INTERACTIONS)) {
            TopicProbe.send(reply);
            TopicProbe.send(reply); // the broker delivers it again

            MimeMessage mail = await().atMost(WAIT).until(() -> mailsTo(address), m -> m.size() == 1).get(0);
            assertThat(mail.getSubject()).isEqualTo("Re: 해외송금 한도 문의");
            assertThat((String) mail.getContent()).contains("해외송금 한도는 앱의 '한도 관리'에서 연 5만 달러까지",
                    "소리뱅크 고객센터");
            assertThat(mail.getHeader("In-Reply-To", null)).isEqualTo(customerMessageId);
            assertThat(mail.getFrom()[0].toString()).contains("help@soribank.example");

            EventEnvelope<MessageDelivered> delivered = interactions.awaitEvent(MessageDelivered.class,
                    e -> e.sourceEventId().equals(reply.eventId()), WAIT);
            assertThat(delivered.payload().status()).isEqualTo("DELIVERED");
            assertThat(delivered.payload().channel()).isEqualTo(Channel.EMAIL);
            assertThat(delivered.correlationId()).isEqualTo("corr-reply");

            // the consumer restarts and has forgotten it processed the event: the delivery record still knows
            listener.stop();
            mongo.remove(Query.query(Criteria.where("eventId").is(reply.eventId().toString())), "processed_events")
                    .block(WAIT);
            listener.start();
            TopicProbe.send(reply);
            await().atMost(WAIT).until(() -> mongo.exists(Query.query(Criteria.where("eventId")
                    .is(reply.eventId().toString())), "processed_events").block());

            assertThat(mailsTo(address)).hasSize(1);
            assertThat(interactions.drain(Duration.ofSeconds(1))).filteredOn(r -> r.value().contains(
                    "channel.MessageDelivered") && r.value().contains(reply.eventId().toString())).hasSize(1);
        }
        List<Document> messages = conversation(mongo, conversationId).getList("messages", Document.class);
        assertThat(messages).filteredOn(m -> "AGENT".equals(m.getString("from"))).singleElement()
                .satisfies(m -> assertThat(m.getString("text")).startsWith("안녕하세요 고객님."));
        // the customer's answer to our mail threads back into the conversation
        String ourId = "<" + reply.eventId() + ".email@outbound.sori>";
        Map<String, Object> answer = post(http, "/api/channels/email/inbound", Map.of("from", address,
                "subject", "Re: 해외송금 한도 문의", "text", "감사합니다. 해결됐어요.", "messageId", "<a-" + customer + "@x>",
                "inReplyTo", ourId), 202);
        assertThat(answer.get("conversationId")).isEqualTo(conversationId);
    }

    @Test
    void shouldPushAStageChangeOnceWithStageKOfFourAndTheExpectedTimeInSeoul() {
        String customer = newId("cust");
        String conversationId = (String) post(http, "/api/channels/chat/messages",
                Map.of("customerId", customer, "text", "대출 한도 조회가 안 돼요"), 200).get("conversationId");
        String ticketId = newId("tkt");
        send(created(ticketId, "SR-20261124-000888", customer, Channel.CHAT, conversationId));
        EventEnvelope<TicketStageChanged> stage = EventEnvelope.of(new TicketStageChanged(ticketId,
                "SR-20261124-000888", customer, Channel.CHAT, TicketStage.RECEIVED, TicketStage.IN_REVIEW, null,
                "agent-kim", Instant.parse("2026-11-25T06:30:00Z")), "corr-stage", Instant.now());
        TopicProbe.send(stage);
        TopicProbe.send(stage);

        String deliveryId = stage.eventId() + ":PUSH";
        Document notice = await().atMost(WAIT).until(() -> conversation(mongo, conversationId)
                        .getList("messages", Document.class).stream().filter(m -> deliveryId.equals(m.getString("_id"))
                                || deliveryId.equals(m.getString("id"))).findFirst().orElse(null),
                m -> m != null);
        assertThat(notice.getString("from")).isEqualTo("SYSTEM");
        assertThat(notice.getString("text")).isEqualTo(
                "접수하신 문의가 2/4 '내부 검토 및 원인 분석' 단계로 진행되었어요. 해결 예정 시각: 2026년 11월 25일 15:30.");
        assertThat(notice.getString("subject")).isEqualTo("[SR-20261124-000888] 처리 단계 안내: 내부 검토 및 원인 분석");
        await().atMost(WAIT).until(() -> pushes.recent().stream().anyMatch(p -> p.pushId().equals(deliveryId)));
        await().during(Duration.ofSeconds(1)).atMost(WAIT).until(() ->
                pushes.recent().stream().filter(p -> p.pushId().equals(deliveryId)).count() == 1);
        assertThat(mongo.count(Query.query(Criteria.where("sourceEventId").is(stage.eventId().toString())),
                Delivery.COLLECTION).block()).isEqualTo(1);

        // the journey shows the ticket at its new stage
        http.get().uri("/api/channels/customers/{c}/journey", customer)
                .headers(io.sori.testsupport.Callers.customer(customer)).exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.items[?(@.type == 'TICKET')].stageIndex").isEqualTo(2)
                .jsonPath("$.items[?(@.type == 'TICKET')].number").isEqualTo("SR-20261124-000888");
    }

    @Test
    void shouldTextAPhoneCustomerAndCallOneBackWhoHasNoNumber() {
        String texted = newId("cust");
        String callConversation = (String) post(http, "/api/channels/phone/calls", Map.of("customerId", texted,
                "callId", newId("call"), "direction", "INBOUND", "line", "GENERAL", "startedAt", Instant.now().toString(),
                "summary", "대출 금리 인하 요구권 민원 제기", "phoneNumber", "010-5555-6666"), 202).get("conversationId");
        String ticketId = newId("tkt");
        send(created(ticketId, "SR-20261124-000999", texted, Channel.PHONE, callConversation));
        EventEnvelope<ComplaintReceiptConfirmed> receipt = EventEnvelope.of(new ComplaintReceiptConfirmed(ticketId,
                "SR-20261124-000999", texted, Channel.PHONE, "소비자보호센터 민원 담당", "1599-0000",
                Instant.parse("2026-11-26T09:00:00Z"), Instant.parse("2026-12-11T09:00:00Z")), null, Instant.now());
        TopicProbe.send(receipt);
        SmsSender.Sms text = await().atMost(WAIT).until(() -> sms.sent().stream()
                .filter(s -> s.smsId().equals(receipt.eventId() + ":SMS")).findFirst().orElse(null), s -> s != null);
        assertThat(text.phoneNumber()).isEqualTo("01055556666");
        assertThat(text.text()).contains("민원이 접수되었습니다 (접수번호 SR-20261124-000999)", "소비자보호센터 민원 담당",
                "처리 기한: 2026년 12월 11일 18:00");

        String unreachable = newId("cust");
        EventEnvelope<TicketEmergencyActionUpdated> notice = EventEnvelope.of(new TicketEmergencyActionUpdated(
                newId("tkt"), "SR-20261124-001000", unreachable, Channel.PHONE, "a-1", EmergencyAction.SUSPEND_CARD,
                "COMPLETED", "CSP-20261124-000001", "분실 신고하신 카드의 사용을 정지했어요."), null, Instant.now());
        try (TopicProbe interactions = TopicProbe.on(Topics.CHANNEL_INTERACTIONS)) {
            TopicProbe.send(notice);
            EventEnvelope<CallbackRequested> callback = interactions.awaitEvent(CallbackRequested.class,
                    e -> e.customerId().equals(unreachable), WAIT);
            assertThat(callback.payload().callbackId()).isEqualTo("cb-" + notice.eventId());
            assertThat(callback.payload().reason()).contains("분실 신고하신 카드의 사용을 정지했어요.");
        }
        Document task = conversation(mongo, "cb-" + notice.eventId()).get("callback", Document.class);
        assertThat(task.getString("purpose")).isEqualTo("NOTICE");
        assertThat(task.getString("status")).isEqualTo("OPEN");
    }

    @Test
    void shouldInviteToTheSurveyOnTheCustomersChannel() {
        String customer = newId("cust");
        post(http, "/api/channels/talk/messages", Map.of("customerId", customer, "text", "적금 만기일 알려주세요"), 200);
        EventEnvelope<SurveyIssued> survey = EventEnvelope.of(new SurveyIssued(newId("srv"), "tok-" + customer.substring(5),
                null, customer, Channel.TALK, Instant.parse("2026-12-01T14:59:00Z")), null, Instant.now());
        TopicProbe.send(survey);
        PushSender.Push push = await().atMost(WAIT).until(() -> pushes.recent().stream()
                .filter(p -> p.pushId().equals(survey.eventId() + ":PUSH")).findFirst().orElse(null), p -> p != null);
        assertThat(push.channel()).isEqualTo("TALK");
        assertThat(push.text()).contains("상담은 만족스러우셨나요?",
                "https://soribank.example/surveys/tok-" + customer.substring(5), "2026년 12월 1일 23:59까지");
    }

    @Test
    void shouldRetryAFailingPushThenMarkItFailedCountItAndSayWhy() {
        String customer = OutsideWorld.UNREACHABLE + newId("c");
        String conversationId = (String) post(http, "/api/channels/chat/messages",
                Map.of("customerId", customer, "text", "앱 알림이 안 와요"), 200).get("conversationId");
        double failedBefore = deliveries("push", "failed");
        EventEnvelope<TicketReplied> reply = EventEnvelope.of(new TicketReplied(newId("tkt"), customer, newId("r"),
                Channel.CHAT, conversationId, "알림 설정을 확인해 주세요.", "agent-kim"), null, Instant.now());
        try (TopicProbe interactions = TopicProbe.on(Topics.CHANNEL_INTERACTIONS)) {
            TopicProbe.send(reply);
            EventEnvelope<MessageDelivered> failed = interactions.awaitEvent(MessageDelivered.class,
                    e -> e.sourceEventId().equals(reply.eventId()), WAIT);
            assertThat(failed.payload().status()).isEqualTo("FAILED");
            assertThat(failed.payload().failureReason()).contains("device not registered");
        }
        Document delivery = mongo.findById(reply.eventId() + ":PUSH", Document.class, Delivery.COLLECTION).block(WAIT);
        assertThat(delivery.getString("status")).isEqualTo("FAILED");
        assertThat(delivery.getInteger("attempts")).isEqualTo(3);
        assertThat(deliveries("push", "failed")).isEqualTo(failedBefore + 1);
        assertThat(deliveries("push", "retried")).isGreaterThanOrEqualTo(2);
    }

    private List<MimeMessage> mailsTo(String address) {
        return Arrays.stream(greenMail.getReceivedMessages()).filter(m -> {
            try {
                return Arrays.stream(m.getRecipients(Message.RecipientType.TO))
                        .anyMatch(a -> a.toString().equalsIgnoreCase(address));
            } catch (Exception e) {
                return false;
            }
        }).toList();
    }

    private static double deliveries(String channel, String outcome) {
        return io.sori.channel.ChannelTestSupport.counted("sori.deliveries", "channel", channel, "outcome", outcome);
    }

    private void send(EventEnvelope<? extends SoriEvent> envelope) {
        TopicProbe.send(envelope);
    }

    static EventEnvelope<TicketCreated> created(String ticketId, String number, String customer, Channel channel,
            String conversationId) {
        Instant now = Instant.now();
        return EventEnvelope.of(new TicketCreated(ticketId, number, customer, channel, "GENERAL", Priority.NORMAL,
                "GENERAL", "문의", List.of(conversationId), false, now.plusSeconds(3600), now.plusSeconds(7200), null,
                now.plusSeconds(5400)), null, now);
    }
}
