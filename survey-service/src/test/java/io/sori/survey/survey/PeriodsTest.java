package io.sori.survey.survey;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class PeriodsTest {

    @Test
    void shouldPlaceAnInstantInItsSeoulDayWeekAndMonth() {
        // 23:30 UTC on the last day of the year is already the next day (and ISO week 1) in Seoul
        Periods p = Periods.of(Instant.parse("2029-12-31T15:30:00Z"));
        assertThat(p).isEqualTo(new Periods("2030-01-01", "2030-W01", "2030-01"));
        assertThat(Periods.of(Instant.parse("2027-01-01T00:00:00Z")).week()).isEqualTo("2026-W53");
    }

    @Test
    void shouldMakeUnguessableUrlSafeTokens() {
        String a = SurveyTokens.next();
        assertThat(a).matches("[A-Za-z0-9_-]{43}").isNotEqualTo(SurveyTokens.next());
        assertThat(SurveyTokens.wellFormed(a)).isTrue();
        assertThat(SurveyTokens.wellFormed("../../etc")).isFalse();
    }
}
