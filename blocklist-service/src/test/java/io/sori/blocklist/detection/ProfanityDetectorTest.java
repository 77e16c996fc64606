package io.sori.blocklist.detection;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ProfanityDetectorTest {

    private final ProfanityDetector detector = new ProfanityDetector();

    @ParameterizedTest
    @ValueSource(strings = {"시 발 진짜", "씨 . 발", "ㅅ ㅂ", "개 새 끼 야", "병 신", "존 나 느려"})
    void shouldFindWordsSplitBySpacesOrSymbols(String text) {
        assertThat(detector.findAll(text)).isNotEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"ㅅㅂ", "ㅆㅂ", "ㅂㅅ", "ㅄ", "ㅈㄴ", "ㄱㅅㄲ", "ㅁㅊ", "ㅅㅣㅂㅏㄹ", "개ㅅㄲ"})
    void shouldFindInitialsAndJamoTypedApart(String text) {
        assertThat(detector.findAll(text)).isNotEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"시1발", "ㅅl발", "^^ㅣ발", "c발", "시8", "c8", "18 진짜", "10새야", "병1신", "ｓｉｂａｌ", "싀발",
            "게새끼", "g랄"})
    void shouldSeeThroughDigitsAndLookAlikeCharacters(String text) {
        assertThat(detector.findAll(text)).isNotEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"tlqkf", "qudtls", "rotoRl", "whssk", "wlfkf"})
    void shouldReadKoreanTypedInEnglishMode(String text) {
        assertThat(detector.findAll(text)).extracting(Finding::category).containsOnly(Category.PROFANITY);
    }

    @ParameterizedTest
    @ValueSource(strings = {"이 사업의 시발점", "수박씨발라먹기", "수박씨 발라 먹기", "제 십팔번은 트로트", "시바견 분양비",
            "2016년 병신년 새해", "강아지 분양 개 새끼 사진", "카드 다시 발급", "카드다시발급", "이체 시 발송되는 문자",
            "혹시발급되었나요", "18일까지 입금", "2018년 계좌", "18,000원", "3개년 적금", "앱이 자꾸 꺼져요",
            "지점에 찾아가서 상담", "확인해 보지 못했어요", "잠을 자지 못해서", "Please check my account", "ㅋㅋ ㄱㅅ합니다"})
    void shouldLeaveTheFalsePositiveTrapsAlone(String text) {
        assertThat(detector.findAll(text)).isEmpty();
    }

    @Test
    void shouldTellAnInsultFromAPuppyOnlyByTheSentenceAroundIt() {
        assertThat(detector.findAll("이 개 새끼야")).isNotEmpty();
        assertThat(detector.findAll("개새끼 분양 받았어요")).isNotEmpty(); // joined, it is the insult
        assertThat(detector.findAll("우리 개가 새끼를 낳았어요")).isEmpty();
    }

    @Test
    void shouldTellTheYearFromTheInsult() {
        assertThat(detector.findAll("병신년아 전화 받아")).isNotEmpty();
        assertThat(detector.findAll("병신년 설날에 만든 통장")).isEmpty();
    }

    @Test
    void shouldRankAThreatAboveProfanityAndSayWhereEachFindingIs() {
        String text = "씨발 너 죽여버린다";
        List<Finding> found = detector.findAll(text);

        assertThat(found).extracting(Finding::term).containsExactly("씨발", "죽여버린");
        assertThat(detector.worst(found)).contains(Category.THREAT);
        Finding threat = found.get(1);
        assertThat(text.substring(threat.start(), threat.end())).isEqualTo(threat.matched()).isEqualTo("죽여버린");
    }

    @Test
    void shouldQuoteTheDisguiseAsWrittenAndNameTheWordBehindIt() {
        assertThat(detector.findAll("아 ㅅ1ㅂ 또")).singleElement()
                .satisfies(f -> {
                    assertThat(f.term()).isEqualTo("씨발");
                    assertThat(f.matched()).isEqualTo("ㅅ1ㅂ");
                });
        assertThat(detector.findAll("목소리 섹시하네")).extracting(Finding::category)
                .containsExactly(Category.SEXUAL_HARASSMENT);
    }

    @Test
    void shouldFindNothingInAnEmptyOrPoliteMessage() {
        assertThat(detector.findAll(null)).isEmpty();
        assertThat(detector.findAll("  ")).isEmpty();
        assertThat(detector.findAll("상담원분 친절하셔서 감사합니다")).isEmpty();
    }
}
