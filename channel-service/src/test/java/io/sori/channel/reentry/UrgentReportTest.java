package io.sori.channel.reentry;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class UrgentReportTest {

    @ParameterizedTest(name = "{0} -> {2}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            체크카드를 잃어버렸어요                    | -         | CARD_LOSS
            지갑을 도난당했어요 카드 정지해 주세요         | -         | CARD_LOSS
            카드 분실 신고                           | -         | CARD_LOSS
            잃어 버린 것 같아요                       | -         | GENERAL
            보이스 피싱 당한 것 같아요                 | -         | FRAUD
            명의도용으로 대출이 나갔어요                | -         | FRAUD
            누가 제 이름으로 대출을 받았대요             | -         | FRAUD
            계정이 해킹당했어요                       | -         | FRAUD
            모르는 결제가 3건 있어요                   | -         | FRAUD
            중고거래 판매자가 사기꾼이에요               | -         | FRAUD
            사기 문자에 속아 송금했어요, 카드도 분실      | -         | FRAUD
            휴대폰을 도난당했어요                      | -         | IDENTITY
            그냥 문의                               | CARD_LOSS | CARD_LOSS
            그냥 문의                               | fraud     | FRAUD
            이체한도를 올리고 싶어요                   | -         | -
            적금 만기일이 언제예요?                   | CARD      | -
            보이스피싱 예방 방법                      | -         | -
            카드 분실하면 어떻게 신고하는지 미리 알아두려고요 | -         | -
            해킹 당한건 아닌데 로그인 기록 확인          | -         | -
            """)
    void shouldRecogniseEmergencyReportsAsTheIntentModelReadsThemOrByTheEmergencyLine(String text, String hint, String expected) {
        assertThat(UrgentReport.categoryOf(text, hint).orElse(null)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            PROFANITY         | 반복된 욕설·폭언
            THREAT            | 위협적인 언행
            SEXUAL_HARASSMENT | 성희롱성 발언
            -                 | 반복된 욕설·폭언
            """)
    void shouldNameTheConductTheLawAndTheEmergencyPathInTheEndingNotice(String reason, String conduct) {
        String notice = BlockNotices.consultationEnded(reason, Instant.parse("2026-12-01T09:00:00Z"),
                "긴급 신고: 1599-0000");
        assertThat(notice).contains(conduct, "산업안전보건법", "제41조", "정책", "2026년 12월 1일 18:00까지",
                "긴급 신고: 1599-0000");
    }
}
