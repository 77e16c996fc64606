package io.sori.channel.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import io.sori.events.channel.Channel;
import io.sori.events.survey.SurveyIssued;
import io.sori.events.ticket.ComplaintReceiptConfirmed;
import io.sori.events.ticket.ExpectedResolutionChanged;
import io.sori.events.ticket.RegulatoryDeadlineExtended;
import io.sori.events.ticket.TicketStage;
import io.sori.events.ticket.TicketStageChanged;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CustomerTextsTest {

    private static final Instant AFTERNOON = Instant.parse("2026-11-24T06:30:00Z"); // 15:30 in Seoul

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            RECEIVED          | 접수하신 문의가 1/4 '접수' 단계로 진행되었어요. 해결 예정 시각: 2026년 11월 24일 15:30.
            IN_REVIEW         | 접수하신 문의가 2/4 '내부 검토 및 원인 분석' 단계로 진행되었어요. 해결 예정 시각: 2026년 11월 24일 15:30.
            SOLUTION_PROPOSED | 접수하신 문의가 3/4 '해결 방안 도출 및 고객 안내' 단계로 진행되었어요. 해결 예정 시각: 2026년 11월 24일 15:30.
            RESOLVED          | 접수하신 문의가 해결되었어요 (4/4 해결 완료 및 피드백 수집). 이용해 주셔서 감사합니다.
            """)
    void shouldTellTheStageKOfFourWithItsKoreanLabelAndTheExpectedTimeInSeoul(TicketStage to, String text) {
        var e = new TicketStageChanged("t-1", "SR-20261124-000001", "c-1", Channel.CHAT, TicketStage.RECEIVED, to, null,
                "agent-kim", AFTERNOON);
        assertThat(CustomerTexts.stageChanged(e, null)).hasValueSatisfying(t -> {
            assertThat(t.body()).isEqualTo(text);
            assertThat(t.title()).startsWith("[SR-20261124-000001] 처리 단계 안내");
        });
    }

    @Test
    void shouldNotTellTheCustomerAboutClosingAfterResolution() {
        var e = new TicketStageChanged("t-1", "SR-1", "c-1", Channel.CHAT, TicketStage.RESOLVED, TicketStage.CLOSED,
                null, "system", null);
        assertThat(CustomerTexts.stageChanged(e, null)).isEmpty();
    }

    @Test
    void shouldExplainAMovedExpectedTimeAndAComplaintsReceiptAndExtension() {
        assertThat(CustomerTexts.expectedResolutionChanged(new ExpectedResolutionChanged("t-1", "SR-1", "c-1",
                Channel.EMAIL, AFTERNOON, Instant.parse("2026-11-25T00:00:00Z"), "QUEUE_LONGER_THAN_USUAL"), null).body())
                .isEqualTo("해결 예정 시각이 2026년 11월 25일 09:00(으)로 변경되었어요. (이전 안내: 2026년 11월 24일 15:30) "
                        + "문의가 평소보다 많아 처리가 늦어지고 있어요. 양해 부탁드립니다.");
        assertThat(CustomerTexts.complaintReceived(new ComplaintReceiptConfirmed("t-1", "SR-2", "c-1",
                Channel.COMPLAINT, "김상담", "1599-0000 (내선 201)", AFTERNOON, Instant.parse("2026-12-11T09:00:00Z")))
                .body()).isEqualTo("민원이 접수되었습니다 (접수번호 SR-2). 담당: 김상담 (1599-0000 (내선 201)). "
                        + "해결 예정 시각: 2026년 11월 24일 15:30. 처리 기한: 2026년 12월 11일 18:00.");
        assertThat(CustomerTexts.deadlineExtended(new RegulatoryDeadlineExtended("t-1", "SR-3", "c-1",
                Channel.COMPLAINT, AFTERNOON, Instant.parse("2026-12-24T09:00:00Z"),
                "외부 기관 자료 회신이 늦어져 처리 기한을 연장합니다.")).body())
                .isEqualTo("외부 기관 자료 회신이 늦어져 처리 기한을 연장합니다. 변경된 처리 기한: 2026년 12월 24일 18:00.");
    }

    @Test
    void shouldInviteToTheSurveyWithTheLinkAndUntilWhen() {
        var text = CustomerTexts.survey(new SurveyIssued("s-1", "tok-abc", "t-1", "c-1", Channel.TALK,
                Instant.parse("2026-12-01T14:59:00Z")), "SR-4", "https://soribank.example/surveys/");
        assertThat(text.title()).isEqualTo("[SR-4] 상담 만족도 설문");
        assertThat(text.body()).endsWith("https://soribank.example/surveys/tok-abc (2026년 12월 1일 23:59까지)");
    }
}
