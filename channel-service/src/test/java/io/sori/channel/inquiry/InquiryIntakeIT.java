package io.sori.channel.inquiry;

import static io.sori.channel.ChannelTestSupport.WAIT;
import static io.sori.channel.ChannelTestSupport.newId;
import static io.sori.channel.ChannelTestSupport.post;
import static org.assertj.core.api.Assertions.assertThat;

import io.sori.events.Topics;
import io.sori.events.channel.Attachment;
import io.sori.events.channel.Channel;
import io.sori.events.channel.InteractionRecorded;
import io.sori.testsupport.Callers;
import io.sori.testsupport.SoriIntegrationTest;
import io.sori.testsupport.TopicProbe;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.test.web.reactive.server.WebTestClient;

@SoriIntegrationTest
class InquiryIntakeIT {

    @Autowired
    WebTestClient http;

    @Autowired
    ReactiveMongoTemplate mongo;

    @Test
    void shouldRecordAnInAppComplaintAsAFormalComplaintWithItsHintSubjectAndDeadline() {
        String customer = newId("cust");
        Instant deadline = Instant.now().plus(3, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
        try (TopicProbe interactions = TopicProbe.on(Topics.CHANNEL_INTERACTIONS)) {
            Map<?, ?> accepted = post(http, "/api/channels/inquiries", Map.of("customerId", customer, "kind", "COMPLAINT",
                    "category", "LOAN_JEONSE", "subject", "전세대출 심사 지연에 대한 민원",
                    "text", "잔금일이 다가오는데 심사가 2주째 진행되지 않습니다. 책임 있는 답변을 요청합니다.",
                    "deadlineAt", deadline.toString(), "identityVerified", true,
                    "attachments", List.of(Map.of("filename", "임대차계약서.pdf", "contentType", "application/pdf",
                            "sizeBytes", 482113))), 202);

            InteractionRecorded complaint = interactions.awaitEvent(InteractionRecorded.class,
                    e -> e.interactionId().equals(accepted.get("interactionId")), WAIT).payload();
            assertThat(complaint.conversationId()).isEqualTo(accepted.get("conversationId"));
            assertThat(complaint.channel()).isEqualTo(Channel.COMPLAINT);
            assertThat(complaint.kind()).isEqualTo("COMPLAINT");
            assertThat(complaint.formalComplaint()).isTrue();
            assertThat(complaint.needsHuman()).isTrue();
            assertThat(complaint.categoryHint()).isEqualTo("LOAN_JEONSE");
            assertThat(complaint.subject()).isEqualTo("전세대출 심사 지연에 대한 민원");
            assertThat(complaint.deadlineAt()).isEqualTo(deadline);
            assertThat(complaint.attachments()).containsExactly(new Attachment("임대차계약서.pdf", "application/pdf", 482113));
        }
    }

    @Test
    void shouldRecordAOneToOneInquiryThatIsNotAFormalComplaint() {
        String customer = newId("cust");
        try (TopicProbe interactions = TopicProbe.on(Topics.CHANNEL_INTERACTIONS)) {
            Map<?, ?> accepted = post(http, "/api/channels/inquiries", Map.of("customerId", customer, "kind", "INQUIRY",
                    "subject", "모임통장 회비 알림", "text", "모임통장 회비 입금 알림을 끄는 방법을 알려주세요."), 202);
            InteractionRecorded inquiry = interactions.awaitEvent(InteractionRecorded.class,
                    e -> e.interactionId().equals(accepted.get("interactionId")), WAIT).payload();
            assertThat(inquiry.channel()).isEqualTo(Channel.INQUIRY);
            assertThat(inquiry.formalComplaint()).isFalse();
            assertThat(inquiry.needsHuman()).isTrue();
            assertThat(inquiry.categoryHint()).isNull();
        }
    }

    @Test
    void shouldRefuseUnknownKindsAndMissingFieldsAndStoreNothing() {
        String customer = newId("cust");
        field(Map.of("customerId", customer, "kind", "PRAISE", "subject", "칭찬", "text", "감사합니다"), "kind");
        field(Map.of("customerId", customer, "kind", "INQUIRY", "text", "제목이 없어요"), "subject");
        field(Map.of("customerId", customer, "kind", "INQUIRY", "subject", "제목", "text", "본문",
                "category", "card; drop"), "category");
        field(Map.of("customerId", customer, "kind", "INQUIRY", "subject", "제목", "text", "본문",
                "deadlineAt", "내일까지"), "deadlineAt");
        field(Map.of("customerId", customer, "kind", "INQUIRY", "subject", Map.of("$gt", ""), "text", "본문"), "subject");
        assertThat(io.sori.channel.ChannelTestSupport.conversationsOf(mongo, customer)).isZero();
    }

    private void field(Map<String, Object> body, String field) {
        http.post().uri("/api/channels/inquiries").headers(Callers.channel("app-backend")).bodyValue(body).exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo(field);
    }
}
