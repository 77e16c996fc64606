package io.sori.survey.questions;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AnswerCheckTest {

    private final QuestionSet consultation = new QuestionSet("consultation", 1, Set.of(), Set.of(), false, List.of(
            new Question("overall", QuestionType.SCORE, "전반적으로 만족하셨나요?", true, 0),
            new Question("speed", QuestionType.SCORE, "응답 속도는?", true, 0),
            new Question("resolved", QuestionType.YES_NO, "해결되었나요?", true, 0),
            new Question("missingInfo", QuestionType.TEXT, "부족했던 정보는?", false, 20)));

    @Test
    void shouldAcceptAnswersThatFitTheQuestions() {
        var result = AnswerCheck.check(consultation, Map.of("overall", 5, "speed", 4, "resolved", true,
                "missingInfo", "  없어요  "));
        assertThat(result.ok()).isTrue();
        assertThat(result.answers()).containsEntry("overall", 5).containsEntry("missingInfo", "없어요");
    }

    @Test
    void shouldRefuseScoresOutsideOneToFiveOrNotWholeNumbers() {
        assertThat(fields(Map.of("overall", 6, "speed", 0, "resolved", true))).containsExactlyInAnyOrder(
                "answers.overall", "answers.speed");
        assertThat(fields(Map.of("overall", "5", "speed", 4.0, "resolved", true))).containsExactlyInAnyOrder(
                "answers.overall", "answers.speed");
        // a number that wraps to 3 as a long is still refused
        assertThat(fields(Map.of("overall", BigInteger.TWO.pow(64).add(BigInteger.valueOf(3)), "speed", 3,
                "resolved", true))).containsExactly("answers.overall");
    }

    @Test
    void shouldRefuseOperatorsAndKeysOfOtherQuestionSets() {
        Map<String, Object> answers = new LinkedHashMap<>(Map.of("overall", 5, "speed", 4, "resolved", true));
        answers.put("$where", "1");
        answers.put("recommend", 9);
        answers.put("a.b", 1);
        assertThat(fields(answers)).containsExactlyInAnyOrder("answers.$where", "answers.recommend", "answers.a.b");
    }

    @Test
    void shouldRefuseMissingRequiredAnswersWrongTypesAndTooLongText() {
        assertThat(fields(Map.of("speed", 4, "resolved", "네", "missingInfo", "가".repeat(21))))
                .containsExactlyInAnyOrder("answers.resolved", "answers.missingInfo", "answers.overall");
        assertThat(fields(Map.of("overall", 5, "speed", 4, "resolved", true, "missingInfo", List.of("x"))))
                .containsExactly("answers.missingInfo");
    }

    @Test
    void shouldCountCharactersNotCodeUnitsForKoreanTextAndEmoji() {
        assertThat("서류 안내가 부족했어요 😢 다음엔!!").hasSize(21); // 20 characters, the emoji is two UTF-16 units
        assertThat(AnswerCheck.check(consultation, Map.of("overall", 5, "speed", 4, "resolved", true,
                "missingInfo", "서류 안내가 부족했어요 😢 다음엔!!")).ok()).isTrue();
    }

    private List<String> fields(Map<String, ?> answers) {
        return AnswerCheck.check(consultation, answers).problems().stream().map(AnswerCheck.Problem::field).toList();
    }
}
