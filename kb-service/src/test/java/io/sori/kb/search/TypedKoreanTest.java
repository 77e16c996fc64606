package io.sori.kb.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class TypedKoreanTest {

    private final KoreanAnalysis analysis = KoreanAnalysis.standard();

    @Test
    void shouldTakeOutLaughterCryingAndEmoticonsThatNoriWouldReadAsWords() {
        assertThat(analysis.normaliseQuestion("카드 잃어버렸는데 어떡해요ㅠㅠ")).isEqualTo("카드 잃어버렸는데 어떡해요");
        assertThat(analysis.normaliseQuestion("소파밑에서 나옴ㅋㅋㅋ 고마워요^^ T_T :)")).isEqualTo("소파밑에서 나옴 고마워요");
        assertThat(analysis.normaliseQuestion("이체한도 🙏 올려주세요…")).isEqualTo("이체한도 올려주세요...");
        assertThat(analysis.normaliseQuestion("ＯＴＰ 분실")).isEqualTo("OTP 분실");
    }

    @Test
    void shouldCorrectCommonMisspellingsBeforeAnalysis() {
        assertThat(analysis.normaliseQuestion("계좌가 지급정지 됬어요")).isEqualTo("계좌가 지급정지 됐어요");
        assertThat(analysis.normaliseQuestion("이채한도 어케 올려요")).isEqualTo("이체한도 어떻게 올려요");
        assertThat(analysis.normaliseQuestion("카드 분실 어떻해요")).isEqualTo("카드 분실 어떻게 해요");
        assertThat(analysis.normaliseQuestion("송금이 않되요")).isEqualTo("송금이 안 돼요");
        assertThat(KoreanAnalysis.terms(analysis.indexAnalyzer(), "body", analysis.normaliseQuestion("이채한도")))
                .containsExactly("이체", "한도");
    }

    @Test
    void shouldApplyTheLongestCorrectionFirst() {
        TypedKorean typed = new TypedKorean(Map.of("안되", "안 되", "안되요", "안 돼요"));
        assertThat(typed.normalise("이체가 안되요")).isEqualTo("이체가 안 돼요");
    }
}
