package io.sori.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sori.events.banking.EmergencyAction;
import io.sori.events.banking.EmergencyActionCompleted;
import io.sori.events.banking.EmergencyActionFailed;
import io.sori.events.banking.EmergencyActionRequested;
import io.sori.events.blocklist.BlockState;
import io.sori.events.blocklist.AgentRestGranted;
import io.sori.events.blocklist.CustomerBlocked;
import io.sori.events.blocklist.CustomerUnblocked;
import io.sori.events.blocklist.CustomerWarned;
import io.sori.events.channel.Attachment;
import io.sori.events.channel.CallbackRequested;
import io.sori.events.channel.Channel;
import io.sori.events.channel.InteractionRecorded;
import io.sori.events.channel.MessageDelivered;
import io.sori.events.kb.ArticleArchived;
import io.sori.events.kb.ArticlePublished;
import io.sori.events.kb.ReferenceDataUpdated;
import io.sori.events.kb.SuggestionsComputed;
import io.sori.events.survey.LowSatisfactionReported;
import io.sori.events.survey.SurveyAnswered;
import io.sori.events.survey.SurveyIssued;
import io.sori.events.ticket.ComplaintReceiptConfirmed;
import io.sori.events.ticket.ExpectedResolutionChanged;
import io.sori.events.ticket.Priority;
import io.sori.events.ticket.RegulatoryDeadlineExtended;
import io.sori.events.ticket.TicketAssigned;
import io.sori.events.ticket.TicketClosed;
import io.sori.events.ticket.TicketCreated;
import io.sori.events.ticket.TicketEmergencyActionUpdated;
import io.sori.events.ticket.TicketEscalated;
import io.sori.events.ticket.TicketReopened;
import io.sori.events.ticket.TicketReplied;
import io.sori.events.ticket.TicketResolved;
import io.sori.events.ticket.TicketSlaBreached;
import io.sori.events.ticket.TicketStage;
import io.sori.events.ticket.TicketStageChanged;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class EventCodecTest {

    private static final Instant T = Instant.parse("2026-11-24T05:00:00Z");
    private static final Instant LATER = Instant.parse("2026-12-11T09:00:00Z");

    private final EventCodec codec = new EventCodec();

    /** One realistic instance of every event type on the wire. */
    static Stream<SoriEvent> samples() {
        return Stream.of(
                new InteractionRecorded("int-1", "conv-1", "cust-1", Channel.CHAT, "MESSAGE", true, null,
                        "카드를 잃어버렸어요. 정지해 주세요", "CARD_LOSS", null, true, "URGENT", false,
                        List.of(new Attachment("영수증.pdf", "application/pdf", 20480)), T, true, true),
                new CallbackRequested("cb-1", "cust-1", "010-****-5678", T, LATER, "대출 상담 요청"),
                new MessageDelivered("dlv-1", "cust-1", Channel.EMAIL, UUID.randomUUID(), "DELIVERED", null, T),
                new TicketCreated("t-1", "SR-20261124-000001", "cust-1", Channel.COMPLAINT, "TRANSFER_LIMIT",
                        Priority.URGENT, "TRANSFER_LIMIT", "이체한도 초과", List.of("conv-1", "conv-2"), true,
                        T, LATER, LATER, LATER),
                new TicketStageChanged("t-1", "SR-20261124-000001", "cust-1", Channel.CHAT, TicketStage.RECEIVED,
                        TicketStage.IN_REVIEW, "원인 분석 시작", "agent-7", LATER),
                new TicketAssigned("t-1", "cust-1", "agent-7", null, "CARD", "routing"),
                new TicketReplied("t-1", "cust-1", "r-1", Channel.TALK, "conv-1", "카드 정지가 완료되었습니다.", "agent-7"),
                new TicketSlaBreached("t-1", "cust-1", "FIRST_RESPONSE", T, Priority.HIGH),
                new TicketResolved("t-1", "SR-20261124-000001", "cust-1", Channel.CHAT, "CARD", "agent-7", LATER),
                new TicketClosed("t-1", "cust-1", LATER),
                new TicketReopened("t-1", "cust-1", "LOW_SATISFACTION", Priority.HIGH),
                new ExpectedResolutionChanged("t-1", "SR-20261124-000001", "cust-1", Channel.EMAIL, T, LATER,
                        "상담 대기 증가"),
                new ComplaintReceiptConfirmed("t-1", "SR-20261124-000001", "cust-1", Channel.COMPLAINT, "김상담",
                        "1599-0000", LATER, LATER),
                new TicketEscalated("t-1", "cust-1", "카드 정지 실패", Priority.URGENT, "system"),
                new TicketEmergencyActionUpdated("t-1", "SR-20261124-000001", "cust-1", Channel.CHAT, "t-1:SUSPEND_CARD",
                        EmergencyAction.SUSPEND_CARD, "COMPLETED", "CSP-20261124-000001", "카드 사용이 정지되었습니다."),
                new RegulatoryDeadlineExtended("t-1", "SR-20261124-000001", "cust-1", Channel.COMPLAINT, T, LATER,
                        "사실 확인에 시간이 더 필요해 처리 기한을 연장합니다."),
                new EmergencyActionRequested("act-1", "t-1", "cust-1", EmergencyAction.FREEZE_ACCOUNT, "보이스피싱 신고"),
                new EmergencyActionCompleted("act-1", "t-1", "cust-1", EmergencyAction.FREEZE_ACCOUNT, "CB-778", T),
                new EmergencyActionFailed("act-2", "t-1", "cust-1", EmergencyAction.SUSPEND_CARD, "card not found"),
                new ArticlePublished("a-1", 3, "PUBLIC_FAQ", "CARD", "카드를 잃어버렸을 때"),
                new ArticleArchived("a-1", 4),
                new SuggestionsComputed("t-1", List.of(new SuggestionsComputed.Suggestion("a-1", "카드 분실 신고", 0.92))),
                new ReferenceDataUpdated("FX_RATES", 12),
                new SurveyIssued("s-1", "tok-abc", "t-1", "cust-1", Channel.CHAT, LATER),
                new SurveyAnswered("s-1", "t-1", "cust-1", "agent-7", Channel.CHAT, "CARD", 5, 4, true, "없음"),
                new LowSatisfactionReported("s-1", "t-1", "cust-1", 1, "답변이 너무 늦었어요"),
                new LowSatisfactionReported("s-2", "t-2", "cust-2", 4, "서류 안내가 없었어요", false, "agent-7",
                        Channel.TALK, "LOAN_JEONSE"),
                new CustomerWarned("cust-9", "rep-1", "PROFANITY", 1, BlockState.notBlocked()),
                new CustomerBlocked("cust-9", "blk-1", "rep-2", "THREAT", 2,
                        new BlockState(true, "blk-1", LATER, "THREAT")),
                new CustomerWarned("cust-9", "rep-3", "PROFANITY", 2, BlockState.notBlocked(), "conv-7"),
                new CustomerBlocked("cust-9", "blk-2", "rep-4", "PROFANITY", 3,
                        new BlockState(true, "blk-2", LATER, "PROFANITY", List.of(Channel.CHAT, Channel.TALK))),
                new CustomerUnblocked("cust-9", "blk-1", "이의신청 인용", "supervisor-1", BlockState.notBlocked()),
                new AgentRestGranted("agent-kim", LATER, "rep-2"));
    }

    @ParameterizedTest
    @MethodSource("samples")
    void shouldRoundTripEveryEventType(SoriEvent event) {
        EventEnvelope<SoriEvent> sent = EventEnvelope.of(event, "corr-42", T);

        Optional<EventEnvelope<SoriEvent>> received = codec.decode(codec.encode(sent));

        assertThat(received).contains(sent);
        assertThat(received.get().payload()).isInstanceOf(event.getClass());
    }

    @Test
    void shouldHaveASampleForEveryCataloguedType() {
        Set<Class<?>> sampled = samples().map(Object::getClass).collect(Collectors.toSet());
        assertThat(EventCatalog.entries()).allSatisfy(entry -> assertThat(sampled).contains(entry.javaType()));
    }

    @Test
    void shouldWriteTheEnvelopeFieldsOfTheContract() {
        var event = new TicketClosed("t-1", "cust-1", T);
        String json = codec.encode(EventEnvelope.of(event, "corr-1", T));

        assertThat(json).contains("\"type\":\"ticket.TicketClosed\"", "\"version\":1",
                "\"occurredAt\":\"2026-11-24T05:00:00Z\"", "\"aggregateId\":\"t-1\"", "\"correlationId\":\"corr-1\"",
                "\"eventId\":\"");
        assertThat(json).doesNotContain("io.sori");
    }

    @Test
    void shouldIgnoreUnknownFieldsAndReadUnknownEnumValuesAsNull() {
        String json = """
                {"eventId":"7f1c1e9e-51b4-4c5e-9d1e-1a2b3c4d5e6f","type":"ticket.TicketAssigned","version":2,
                 "occurredAt":"2026-11-24T05:00:00Z","aggregateId":"t-1","correlationId":null,"addedLater":{"x":1},
                 "payload":{"ticketId":"t-1","customerId":"c-1","assignee":"agent-7","skill":"CARD","newField":"무시"}}
                """;
        EventEnvelope<SoriEvent> envelope = codec.decode(json).orElseThrow();
        assertThat(envelope.payload()).isEqualTo(new TicketAssigned("t-1", "c-1", "agent-7", null, "CARD", null));
        assertThat(envelope.version()).isEqualTo(2);

        String futureEnum = json.replace("\"ticket.TicketAssigned\"", "\"ticket.TicketReopened\"")
                .replace("\"skill\":\"CARD\"", "\"priority\":\"CRITICAL\"");
        assertThat(((TicketReopened) codec.decode(futureEnum).orElseThrow().payload()).priority()).isNull();
    }

    @Test
    void shouldReadAnInteractionOfAnOlderProducerWithoutTheUpsetFieldAsCalm() {
        String json = """
                {"eventId":"7f1c1e9e-51b4-4c5e-9d1e-1a2b3c4d5e6f","type":"channel.InteractionRecorded","version":1,
                 "occurredAt":"2026-11-24T05:00:00Z","aggregateId":"conv-1",
                 "payload":{"interactionId":"int-1","conversationId":"conv-1","customerId":"c-1","channel":"CHAT",
                  "kind":"MESSAGE","identityVerified":true,"text":"카드 재발급 문의","needsHuman":true}}
                """;
        InteractionRecorded read = (InteractionRecorded) codec.decode(json).orElseThrow().payload();
        assertThat(read.upset()).isFalse();
        assertThat(read.identityVerified()).isTrue();
    }

    @Test
    void shouldSkipTypesThisBuildDoesNotKnow() {
        String json = """
                {"eventId":"7f1c1e9e-51b4-4c5e-9d1e-1a2b3c4d5e6f","type":"ticket.SomethingNew","version":1,
                 "occurredAt":"2026-11-24T05:00:00Z","aggregateId":"t-1","payload":{}}
                """;
        assertThat(codec.decode(json)).isEmpty();
    }

    @Test
    void shouldRejectWhatIsNotAnEnvelope() {
        assertThatThrownBy(() -> codec.decode("not json at all {")).isInstanceOf(MalformedEventException.class);
        assertThatThrownBy(() -> codec.decode("[1,2]")).isInstanceOf(MalformedEventException.class);
        assertThatThrownBy(() -> codec.decode("{\"type\":\"ticket.TicketClosed\"}"))
                .isInstanceOf(MalformedEventException.class)
                .hasMessageContaining("eventId");
        assertThatThrownBy(() -> codec.decode("""
                {"eventId":"not-a-uuid","type":"ticket.TicketClosed","occurredAt":"2026-11-24T05:00:00Z",
                 "aggregateId":"t-1","payload":{"ticketId":"t-1"}}"""))
                .isInstanceOf(MalformedEventException.class);
        assertThatThrownBy(() -> codec.decode("""
                {"eventId":"7f1c1e9e-51b4-4c5e-9d1e-1a2b3c4d5e6f","type":"ticket.TicketClosed",
                 "occurredAt":"2026-11-24T05:00:00Z","aggregateId":"t-1"}"""))
                .isInstanceOf(MalformedEventException.class)
                .hasMessageContaining("payload");
    }

    @Test
    void shouldKeyEventsByTheirAggregateAndRouteThemToTheOwningTopic() {
        var blocked = new CustomerBlocked("cust-9", "blk-1", "rep-2", "THREAT", 2,
                new BlockState(true, "blk-1", LATER, "THREAT"));
        EventEnvelope<CustomerBlocked> envelope = EventEnvelope.of(blocked, null, T);
        assertThat(envelope.aggregateId()).isEqualTo("cust-9");
        assertThat(envelope.topic()).isEqualTo(Topics.BLOCKLIST);
        assertThat(Topics.isCompacted(envelope.topic())).isTrue();
        assertThat(EventEnvelope.of(new TicketClosed("t-9", "c", T), null, T).topic()).isEqualTo(Topics.TICKETS);
        assertThat(Topics.deadLetter(Topics.TICKETS)).isEqualTo("sori.tickets.v1-dlt");
    }

    @Test
    void shouldTellWhetherABlockIsActive() {
        var state = new BlockState(true, "blk-1", LATER, "THREAT");
        assertThat(state.activeAt(T)).isTrue();
        assertThat(state.activeAt(LATER)).isFalse();
        assertThat(BlockState.notBlocked().activeAt(T)).isFalse();
    }

    @Test
    void shouldReadSurveyEventsWrittenBeforeTheirFieldsWereAdded() {
        String older = "{\"eventId\":\"6f1c1a7e-1d2b-4c5e-9a1b-2c3d4e5f6a7b\",\"type\":\"survey.SurveyIssued\","
                + "\"version\":1,\"occurredAt\":\"2026-11-24T01:00:00Z\",\"aggregateId\":\"s-1\","
                + "\"payload\":{\"surveyId\":\"s-1\",\"token\":\"tok\",\"ticketId\":\"t-1\","
                + "\"customerId\":\"cust-1\",\"channel\":\"CHAT\",\"expiresAt\":\"2026-12-01T01:00:00Z\"}}";
        SurveyIssued issued = (SurveyIssued) codec.decode(older).orElseThrow().payload();
        assertThat(issued).isEqualTo(new SurveyIssued("s-1", "tok", "t-1", "cust-1", Channel.CHAT,
                java.time.Instant.parse("2026-12-01T01:00:00Z")));
        assertThat(issued.campaignId()).isNull();

        String olderLow = older.replace("survey.SurveyIssued", "survey.LowSatisfactionReported")
                .replaceFirst("\"payload\":\\{.*\\}\\}$", "\"payload\":{\"surveyId\":\"s-1\",\"ticketId\":\"t-1\","
                        + "\"customerId\":\"cust-1\",\"overall\":1,\"comment\":\"늦었어요\"}}");
        LowSatisfactionReported low = (LowSatisfactionReported) codec.decode(olderLow).orElseThrow().payload();
        assertThat(low.overall()).isEqualTo(1);
        assertThat(low.resolved()).isNull();
    }

    @Test
    void shouldReadBlockStatesWrittenBeforeBlocksHadChannelsAsCoveringEveryChannel() {
        String json = """
                {"eventId":"7f1c1e9e-51b4-4c5e-9d1e-1a2b3c4d5e6f","type":"blocklist.CustomerBlocked","version":1,
                 "occurredAt":"2026-11-24T05:00:00Z","aggregateId":"cust-9",
                 "payload":{"customerId":"cust-9","blockId":"blk-1","reportId":"rep-1","reason":"THREAT","level":2,
                  "state":{"blocked":true,"blockId":"blk-1","until":"2026-12-01T00:00:00Z","reason":"THREAT"}}}
                """;
        CustomerBlocked blocked = (CustomerBlocked) codec.decode(json).orElseThrow().payload();
        assertThat(blocked.state().channels()).isEmpty();
        assertThat(blocked.state().covers(Channel.TALK)).isTrue();

        var chatOnly = new BlockState(true, "blk-2", LATER, "SPAM", List.of(Channel.CHAT));
        assertThat(chatOnly.covers(Channel.CHAT)).isTrue();
        assertThat(chatOnly.covers(Channel.INQUIRY)).isFalse();
    }

    @Test
    void shouldKeyAnAgentsRestApartFromEveryCustomersBlockState() {
        EventEnvelope<AgentRestGranted> envelope = EventEnvelope.of(new AgentRestGranted("cust-9", LATER, "r"), null, T);
        assertThat(envelope.aggregateId()).isEqualTo("agent:cust-9");
        assertThat(envelope.topic()).isEqualTo(Topics.BLOCKLIST);
    }
}
