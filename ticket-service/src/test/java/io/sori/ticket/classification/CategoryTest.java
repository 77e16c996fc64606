package io.sori.ticket.classification;

import static org.assertj.core.api.Assertions.assertThat;

import io.sori.ticket.routing.Skill;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class CategoryTest {

    @Test
    void shouldSendLostCardsToTheCardTeamAndEverythingElseToItsOwnTeam() {
        assertThat(Category.CARD_LOSS.skill()).isEqualTo(Skill.CARD);
        for (Category category : Category.values()) {
            if (category != Category.CARD_LOSS) {
                assertThat(category.skill().name()).isEqualTo(category.name());
            }
        }
    }

    @Test
    void shouldHaveKoreanLabels() {
        assertThat(Category.CARD.label()).isEqualTo("카드");
        assertThat(Category.CARD_LOSS.label()).isEqualTo("카드 분실·도난");
        assertThat(Category.TRANSFER_LIMIT.label()).isEqualTo("이체한도");
        assertThat(Category.LIMIT_INQUIRY.label()).isEqualTo("한도조회");
        assertThat(Category.LOAN_JEONSE.label()).isEqualTo("전월세보증금 대출");
        assertThat(Category.GROUP_ACCOUNT.label()).isEqualTo("모임통장");
        for (Category category : Category.values()) {
            assertThat(category.label()).matches(".*[가-힣].*");
        }
    }

    @ParameterizedTest
    @CsvSource({
            "CARD_LOSS, CARD_LOSS",
            "card_loss, CARD_LOSS",
            "Loan-Jeonse, LOAN_JEONSE",
            "' fx ', FX",
            "카드 분실·도난, CARD_LOSS",
            "카드분실, CARD_LOSS",
            "전월세보증금대출, LOAN_JEONSE",
            "전세대출, LOAN_JEONSE",
            "해외송금, FX",
            "이체 한도, TRANSFER_LIMIT",
            "모임통장, GROUP_ACCOUNT",
            "보이스피싱, FRAUD",
            "일반 문의, GENERAL"})
    void shouldParseNamesLabelsAndAliases(String text, Category expected) {
        assertThat(Category.parse(text)).contains(expected);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {" ", "LOAN", "대출", "CARDLOSSX"})
    void shouldNotParseUnknownCategories(String text) {
        assertThat(Category.parse(text)).isEmpty();
    }

    @Test
    void shouldReadEveryNameAndLabelBack() {
        for (Category category : Category.values()) {
            assertThat(Category.parse(category.name())).contains(category);
            assertThat(Category.parse(category.label())).contains(category);
        }
    }
}
