package io.sori.channel.phone;

import static io.sori.channel.ChannelTestSupport.WAIT;
import static io.sori.channel.ChannelTestSupport.conversation;
import static io.sori.channel.ChannelTestSupport.newId;
import static io.sori.channel.ChannelTestSupport.post;
import static org.assertj.core.api.Assertions.assertThat;

import io.sori.events.EventEnvelope;
import io.sori.events.Topics;
import io.sori.events.channel.CallbackRequested;
import io.sori.events.channel.Channel;
import io.sori.events.channel.InteractionRecorded;
import io.sori.testsupport.Callers;
import io.sori.testsupport.SoriIntegrationTest;
import io.sori.testsupport.TopicProbe;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.test.web.reactive.server.WebTestClient;

@SoriIntegrationTest
class PhoneIntakeIT {

    @Autowired
    WebTestClient http;

    @Autowired
    ReactiveMongoTemplate mongo;

    @Test
    void shouldTurnACallOnTheCardLossLineIntoAnInteractionWithItsCategoryHint() {
        String customer = newId("cust");
        String callId = newId("call");
        Instant started = Instant.now().minus(5, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.SECONDS);
        try (TopicProbe interactions = TopicProbe.on(Topics.CHANNEL_INTERACTIONS)) {
            Map<?, ?> ongoing = post(http, "/api/channels/phone/calls", call(customer, callId, "CARD_LOSS", null, started,
                    null, "고객이 지갑째 카드를 도난당했다고 함. 본인 확인 완료, 연락처 010-2222-3333"), 202);
            Map<?, ?> ended = post(http, "/api/channels/phone/calls", call(customer, callId, "CARD_LOSS", null, started,
                    started.plusSeconds(240), "카드 정지 요청 접수 안내 후 통화 종료"), 202);
            Map<?, ?> resent = post(http, "/api/channels/phone/calls", call(customer, callId, "CARD_LOSS", null, started,
                    started.plusSeconds(240), "카드 정지 요청 접수 안내 후 통화 종료"), 202);

            assertThat(ended.get("conversationId")).isEqualTo(ongoing.get("conversationId"));
            assertThat(resent.get("interactionId")).isEqualTo(ended.get("interactionId"));
            EventEnvelope<InteractionRecorded> event = interactions.awaitEvent(InteractionRecorded.class,
                    e -> e.interactionId().equals(ongoing.get("interactionId")), WAIT);
            assertThat(event.payload().channel()).isEqualTo(Channel.PHONE);
            assertThat(event.payload().kind()).isEqualTo("CALL");
            assertThat(event.payload().categoryHint()).isEqualTo("CARD_LOSS");
            assertThat(event.payload().needsHuman()).isTrue();
            assertThat(event.payload().text()).contains("010-****-3333").doesNotContain("2222-3333");
        }
    }

    @Test
    void shouldTakeTheIvrChoiceAsTheCategoryHintAndTheGeneralLineAsNone() {
        String customer = newId("cust");
        try (TopicProbe interactions = TopicProbe.on(Topics.CHANNEL_INTERACTIONS)) {
            Map<?, ?> fraud = post(http, "/api/channels/phone/calls", call(customer, newId("call"), "GENERAL", "2",
                    Instant.now(), null, "검찰이라며 계좌 이체를 요구하는 전화를 받았다고 함"), 202);
            Map<?, ?> general = post(http, "/api/channels/phone/calls", call(customer, newId("call"), "GENERAL", null,
                    Instant.now(), null, "영업시간 문의"), 202);
            assertThat(interactions.awaitEvent(InteractionRecorded.class,
                    e -> e.interactionId().equals(fraud.get("interactionId")), WAIT).payload().categoryHint())
                    .isEqualTo("FRAUD");
            assertThat(interactions.awaitEvent(InteractionRecorded.class,
                    e -> e.interactionId().equals(general.get("interactionId")), WAIT).payload().categoryHint())
                    .isNull();
        }
    }

    @Test
    void shouldOpenACallbackTaskDueByTheEndOfThePreferredWindowAndTellEveryone() {
        String customer = newId("cust");
        Instant from = Instant.now().plus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
        Instant to = from.plus(2, ChronoUnit.HOURS);
        try (TopicProbe interactions = TopicProbe.on(Topics.CHANNEL_INTERACTIONS)) {
            Map<?, ?> accepted = post(http, "/api/channels/phone/callbacks", Map.of("customerId", customer,
                    "phoneNumber", "010-9876-5432", "preferredFrom", from.toString(), "preferredTo", to.toString(),
                    "reason", "전세대출 연장 서류를 전화로 안내받고 싶어요"), 202);
            String callbackId = (String) accepted.get("callbackId");
            assertThat(callbackId).startsWith("cb-");
            assertThat(Instant.parse((String) accepted.get("dueAt"))).isEqualTo(to);

            EventEnvelope<CallbackRequested> requested = interactions.awaitEvent(CallbackRequested.class,
                    e -> e.callbackId().equals(callbackId), WAIT);
            assertThat(requested.aggregateId()).isEqualTo(callbackId);
            assertThat(requested.payload().phoneNumberMasked()).isEqualTo("010-****-5432");
            assertThat(requested.payload().preferredTo()).isEqualTo(to);
            InteractionRecorded interaction = interactions.awaitEvent(InteractionRecorded.class,
                    e -> e.interactionId().equals(accepted.get("interactionId")), WAIT).payload();
            assertThat(interaction.kind()).isEqualTo("CALLBACK");
            assertThat(interaction.needsHuman()).isTrue();
            assertThat(interaction.deadlineAt()).isEqualTo(to);
            assertThat(interaction.text()).contains("전세대출 연장 서류");

            Document stored = conversation(mongo, (String) accepted.get("conversationId"));
            Document task = stored.get("callback", Document.class);
            assertThat(task.getString("status")).isEqualTo("OPEN");
            assertThat(task.getString("phoneNumberMasked")).isEqualTo("010-****-5432");
            assertThat(stored.toJson()).doesNotContain("9876");

            // the callback queue: staff only, earliest due first, then done
            http.get().uri("/api/channels/callbacks").headers(Callers.channel("telephony")).exchange()
                    .expectStatus().isForbidden();
            http.get().uri("/api/channels/callbacks").headers(Callers.agent("agent-kim")).exchange()
                    .expectStatus().isOk()
                    .expectBody()
                    .jsonPath("$[?(@.callbackId == '" + callbackId + "')].dueAt").isEqualTo(to.toString())
                    .jsonPath("$[?(@.callbackId == '" + callbackId + "')].overdue").isEqualTo(false);
            http.post().uri("/api/channels/callbacks/{id}/done", callbackId).headers(Callers.agent("agent-kim"))
                    .exchange().expectStatus().isOk().expectBody().jsonPath("$.status").isEqualTo("DONE");
            http.get().uri("/api/channels/callbacks").headers(Callers.agent("agent-kim")).exchange()
                    .expectBody().jsonPath("$[?(@.callbackId == '" + callbackId + "')]").isEmpty();
        }
    }

    @Test
    void shouldServeAnElderlyCustomersCallbackFirstAndShowTheNumberOnlyToThoseWhoDial() {
        String customer = newId("cust");
        Instant from = Instant.now().plus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
        try (TopicProbe interactions = TopicProbe.on(Topics.CHANNEL_INTERACTIONS)) {
            // an ordinary callback due sooner, then the elderly customer's due later
            Map<?, ?> ordinary = post(http, "/api/channels/phone/callbacks", Map.of("customerId", newId("cust"),
                    "phoneNumber", "010-2222-3333", "preferredFrom", from.toString(),
                    "preferredTo", from.plus(1, ChronoUnit.HOURS).toString(), "reason", "카드 한도 상향 문의"), 202);
            Map<?, ?> elderly = post(http, "/api/channels/phone/callbacks", Map.of("customerId", customer,
                    "phoneNumber", "010-4444-5555", "preferredFrom", from.toString(),
                    "preferredTo", from.plus(3, ChronoUnit.HOURS).toString(),
                    "reason", "70대 고객인데 앱 사용이 어려워요. 통장 재발급 전화로 도와주세요"), 202);
            String callbackId = (String) elderly.get("callbackId");

            // the ticket learns it from the interaction: vulnerableCustomer (HIGH priority there)
            InteractionRecorded interaction = interactions.awaitEvent(InteractionRecorded.class,
                    e -> e.interactionId().equals(elderly.get("interactionId")), WAIT).payload();
            assertThat(interaction.vulnerableCustomer()).isTrue();
            assertThat(interactions.awaitEvent(CallbackRequested.class, e -> e.callbackId().equals(callbackId), WAIT)
                    .payload().phoneNumberMasked()).isEqualTo("010-****-5555");

            http.get().uri("/api/channels/callbacks").headers(Callers.agent("agent-kim")).exchange()
                    .expectStatus().isOk()
                    .expectBody()
                    .jsonPath("$[0].callbackId").isEqualTo(callbackId)
                    .jsonPath("$[0].vulnerableCustomer").isEqualTo(true)
                    .jsonPath("$[0].needs").isEqualTo(List.of("ELDERLY", "DIGITAL_EXCLUSION"))
                    .jsonPath("$[0].phoneNumber").isEqualTo("01044445555")
                    .jsonPath("$[0].phoneNumberMasked").isEqualTo("010-****-5555")
                    .jsonPath("$[?(@.callbackId == '" + ordinary.get("callbackId") + "')].vulnerableCustomer")
                    .isEqualTo(List.of(false));
            http.get().uri("/api/channels/callbacks").headers(Callers.supervisor("lead-park")).exchange()
                    .expectBody().jsonPath("$[0].phoneNumber").isEqualTo("01044445555");
            // an administrator manages, does not dial: masked only
            http.get().uri("/api/channels/callbacks").headers(Callers.admin("admin-lee")).exchange()
                    .expectStatus().isOk()
                    .expectBody().jsonPath("$[0].phoneNumber").doesNotExist()
                    .jsonPath("$[0].phoneNumberMasked").isEqualTo("010-****-5555");
            // the customer's own conversation view keeps it masked
            assertThat(http.get().uri("/api/channels/conversations/{id}", elderly.get("conversationId"))
                    .headers(Callers.customer(customer)).exchange().expectStatus().isOk()
                    .expectBody(String.class).returnResult().getResponseBody()).doesNotContain("4444");
            http.post().uri("/api/channels/callbacks/{id}/done", callbackId).headers(Callers.agent("agent-kim"))
                    .exchange().expectStatus().isOk();
            http.post().uri("/api/channels/callbacks/{id}/done", ordinary.get("callbackId"))
                    .headers(Callers.agent("agent-kim")).exchange().expectStatus().isOk();
        }
    }

    @Test
    void shouldRefuseAWindowThatEndsBeforeItStartsOrIsOverAndBadCallRecords() {
        Instant from = Instant.now().plus(1, ChronoUnit.HOURS);
        String customer = newId("cust");
        field(http.post().uri("/api/channels/phone/callbacks").headers(Callers.channel("telephony"))
                .bodyValue(Map.of("customerId", customer, "phoneNumber", "010-1111-2222", "preferredFrom", from.toString(),
                        "preferredTo", from.minusSeconds(60).toString(), "reason", "콜백")), "preferredTo");
        field(http.post().uri("/api/channels/phone/callbacks").headers(Callers.channel("telephony"))
                .bodyValue(Map.of("customerId", customer, "phoneNumber", "전화번호", "preferredFrom", from.toString(),
                        "preferredTo", from.plusSeconds(600).toString(), "reason", "콜백")), "phoneNumber");
        field(http.post().uri("/api/channels/phone/calls").headers(Callers.channel("telephony"))
                .bodyValue(Map.of("customerId", customer, "callId", "c-1", "direction", "SIDEWAYS",
                        "startedAt", from.toString(), "summary", "x")), "direction");
        field(http.post().uri("/api/channels/phone/calls").headers(Callers.channel("telephony"))
                .bodyValue(Map.of("customerId", customer, "callId", "c-1", "direction", "INBOUND",
                        "startedAt", "어제", "summary", "x")), "startedAt");
        assertThat(io.sori.channel.ChannelTestSupport.conversationsOf(mongo, customer)).isZero();
    }

    private static void field(WebTestClient.RequestHeadersSpec<?> request, String field) {
        request.exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo(field);
    }

    private static Map<String, Object> call(String customer, String callId, String line, String ivr, Instant started,
            Instant ended, String summary) {
        Map<String, Object> body = new HashMap<>();
        body.put("customerId", customer);
        body.put("callId", callId);
        body.put("direction", "INBOUND");
        body.put("line", line);
        if (ivr != null) {
            body.put("ivrChoice", ivr);
        }
        body.put("startedAt", started.toString());
        if (ended != null) {
            body.put("endedAt", ended.toString());
        }
        body.put("summary", summary);
        body.put("identityVerified", true);
        return body;
    }
}
