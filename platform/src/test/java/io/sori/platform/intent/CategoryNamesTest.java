package io.sori.platform.intent;

import static org.assertj.core.api.Assertions.assertThat;

import io.sori.events.Category;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class CategoryNamesTest {

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
        assertThat(CategoryNames.parse(text)).contains(expected);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {" ", "LOAN", "대출", "CARDLOSSX"})
    void shouldNotParseUnknownCategories(String text) {
        assertThat(CategoryNames.parse(text)).isEmpty();
    }

    @Test
    void shouldReadEveryNameAndLabelBack() {
        for (Category category : Category.values()) {
            assertThat(CategoryNames.parse(category.name())).contains(category);
            assertThat(CategoryNames.parse(category.label())).contains(category);
        }
    }
}
