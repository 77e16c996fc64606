package io.sori.kb.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class KoreanAnalysisTest {

    private final KoreanAnalysis analysis = KoreanAnalysis.standard();

    private List<String> indexed(String text) {
        return KoreanAnalysis.terms(analysis.indexAnalyzer(), "body", text);
    }

    private List<String> queried(String text) {
        return KoreanAnalysis.terms(analysis.queryAnalyzer(), "body", text);
    }

    @ParameterizedTest
    @ValueSource(strings = {"이체한도", "이체 한도", "이체한도를", "이체한도가", "이체 한도는"})
    void shouldAnalyseTransferLimitTheSameWithAnySpacingOrParticle(String text) {
        assertThat(indexed(text)).containsExactly("이체", "한도");
    }

    @Test
    void shouldNotMisSplitTheBankingCompoundsTheDefaultDictionaryGetsWrong() {
        // without the user dictionary Nori reads 이체한도 as 이 + 체한 + 도, 캐시백 as 캐시 + 백 (a hundred)
        assertThat(indexed("등록금 내야 하는데 이체한도 초과")).contains("등록금", "이체", "한도", "초과");
        assertThat(indexed("캐시백 가맹점")).containsExactly("캐시백", "가맹점");
        assertThat(indexed("명의도용 신고")).containsExactly("명의", "도용", "신고");
        assertThat(indexed("모임통장")).containsExactly("모임", "통장");
        assertThat(indexed("후불교통카드")).containsExactly("후불", "교통", "카드");
        assertThat(indexed("스미싱 문자")).containsExactly("스미싱", "문자");
    }

    @Test
    void shouldDropParticlesEndingsAndFillers() {
        assertThat(indexed("제가 어제 카드를 잃어버렸는데 어떻게 해야 하나요?")).containsExactly("카드", "잃어버리");
        assertThat(indexed("신분증 인증이 계속 실패해요")).containsExactly("신분증", "인증", "실패");
    }

    @Test
    void shouldExpandSynonymsAtQueryTimeOnly() {
        assertThat(indexed("보이스피싱")).containsExactly("보이스", "피싱");
        assertThat(queried("보이스피싱")).contains("보이스", "피싱", "전화", "금융", "사기");
        assertThat(queried("전화금융사기")).contains("보이스", "피싱");
        assertThat(queried("잃어버렸어요")).contains("잃어버리", "분실");
        assertThat(queried("분실했어요")).contains("분실", "잃어버리", "도난");
        assertThat(queried("핸드폰")).contains("휴대폰");
        assertThat(queried("비번")).contains("비밀", "번호");
    }

    @Test
    void shouldFindTheCheckCardInAnyCardQuestionBecauseItIsAnalysedAsItsParts() {
        assertThat(indexed("체크카드")).containsExactly("체크", "카드");
        assertThat(queried("체크카드")).contains("카드");
    }

    @Test
    void shouldLowerCaseLatinWords() {
        assertThat(indexed("OTP 분실, ATM 출금")).containsExactly("otp", "분실", "atm", "출금");
    }
}
