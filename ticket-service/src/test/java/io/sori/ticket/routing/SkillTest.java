package io.sori.ticket.routing;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class SkillTest {

    @Test
    void shouldParseNamesWrittenLoosely() {
        assertThat(Skill.parse("TRANSFER_LIMIT")).contains(Skill.TRANSFER_LIMIT);
        assertThat(Skill.parse("transfer-limit")).contains(Skill.TRANSFER_LIMIT);
        assertThat(Skill.parse(" Loan Jeonse ")).contains(Skill.LOAN_JEONSE);
        assertThat(Skill.parse("fx")).contains(Skill.FX);
        assertThat(Skill.parse("group_account")).contains(Skill.GROUP_ACCOUNT);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"  ", "CARD_LOSS", "loan", "카드"})
    void shouldNotParseUnknownSkills(String text) {
        assertThat(Skill.parse(text)).isEmpty();
    }
}
