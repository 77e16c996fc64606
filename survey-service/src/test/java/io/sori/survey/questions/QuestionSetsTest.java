package io.sori.survey.questions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class QuestionSetsTest {

    private static QuestionSet set(String id, int version, Set<String> channels, Set<String> categories,
            boolean campaign) {
        return new QuestionSet(id, version, channels, categories, campaign,
                List.of(new Question("overall", QuestionType.SCORE, "만족하셨나요?", true, 0)));
    }

    private final QuestionSets sets = new QuestionSets(List.of(
            set("consultation", 1, Set.of(), Set.of(), false),
            set("consultation", 2, Set.of(), Set.of(), false),
            set("phone", 1, Set.of("PHONE"), Set.of(), false),
            set("jeonse", 1, Set.of(), Set.of("LOAN_JEONSE"), false),
            set("jeonse-phone", 1, Set.of("PHONE"), Set.of("LOAN_JEONSE"), false),
            set("relationship", 1, Set.of(), Set.of(), true)));

    @Test
    void shouldPickTheMostSpecificSetAndItsHighestVersion() {
        assertThat(sets.forConsultation("CHAT", "CARD")).extracting(QuestionSet::id, QuestionSet::version)
                .containsExactly("consultation", 2);
        assertThat(sets.forConsultation("PHONE", "CARD").id()).isEqualTo("phone");
        assertThat(sets.forConsultation("CHAT", "LOAN_JEONSE").id()).isEqualTo("jeonse");
        assertThat(sets.forConsultation("PHONE", "LOAN_JEONSE").id()).isEqualTo("jeonse-phone");
        assertThat(sets.forConsultation(null, null).id()).isEqualTo("consultation");
        assertThat(sets.forCampaign("CHAT").id()).isEqualTo("relationship");
    }

    @Test
    void shouldRequireACatchAllAndAnOverallScore() {
        assertThatThrownBy(() -> new QuestionSets(List.of(set("phone", 1, Set.of("PHONE"), Set.of(), false))))
                .hasMessageContaining("catch-all");
        assertThatThrownBy(() -> new QuestionSet("x", 1, Set.of(), Set.of(), false,
                List.of(new Question("speed", QuestionType.SCORE, "속도", true, 0))))
                .hasMessageContaining("overall");
        assertThatThrownBy(() -> new QuestionSet("x", 1, Set.of(), Set.of(), false, List.of(
                new Question("overall", QuestionType.SCORE, "만족", true, 0),
                new Question("resolved", QuestionType.TEXT, "해결", false, 0))))
                .hasMessageContaining("resolved");
    }
}
