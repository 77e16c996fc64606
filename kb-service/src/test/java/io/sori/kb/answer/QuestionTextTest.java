package io.sori.kb.answer;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class QuestionTextTest {

    @Test
    void shouldCountTheSameQuestionTypedDifferentlyOnce() {
        assertThat(QuestionText.normalise("  카드 분실   어떻게 해요?? ")).isEqualTo("카드 분실 어떻게 해요");
        assertThat(QuestionText.normalise("카드 분실, 어떻게 해요!")).isEqualTo("카드 분실 어떻게 해요");
        assertThat(QuestionText.normalise("ＯＴＰ 분실")).isEqualTo("otp 분실");
    }

    @Test
    void shouldNotKeepNumbersOrAddressesThatIdentifySomeone() {
        assertThat(QuestionText.normalise("계좌 3333-12-3456789 로 보냈어요"))
                .isEqualTo("계좌 # 로 보냈어요");
        assertThat(QuestionText.normalise("010-1234-5678 로 전화 주세요")).isEqualTo("# 로 전화 주세요");
        assertThat(QuestionText.normalise("kim.sori@example.com 으로 메일")).isEqualTo("# 으로 메일");
        assertThat(QuestionText.normalise("1일 이체한도 5억")).isEqualTo("1일 이체한도 5억");
    }

    @Test
    void shouldKeepAtMostTwoHundredCharacters() {
        assertThat(QuestionText.normalise("가".repeat(500))).hasSize(QuestionText.MAX_LENGTH);
    }
}
