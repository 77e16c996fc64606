package io.sori.channel.bot.calculator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class AgeCalculatorTest {

    private static final LocalDate MAY_3_1990 = LocalDate.of(1990, 5, 3);

    @Test
    void shouldCountFullYearsAndOneLessBeforeTheBirthday() {
        assertThat(AgeCalculator.age(MAY_3_1990, LocalDate.of(2026, 11, 24))).isEqualTo(36);
        assertThat(AgeCalculator.age(MAY_3_1990, LocalDate.of(2026, 5, 2))).isEqualTo(35);
        assertThat(AgeCalculator.age(MAY_3_1990, LocalDate.of(2026, 5, 3))).isEqualTo(36);
        assertThat(AgeCalculator.age(MAY_3_1990, LocalDate.of(2027, 1, 1))).isEqualTo(36);
        assertThat(AgeCalculator.age(MAY_3_1990, MAY_3_1990)).isZero();
    }

    @Test
    void shouldTurnALeapDayChildOlderOnTheFirstOfMarchInCommonYears() {
        LocalDate leapDay = LocalDate.of(2000, 2, 29);
        assertThat(AgeCalculator.age(leapDay, LocalDate.of(2025, 2, 28))).isEqualTo(24);
        assertThat(AgeCalculator.age(leapDay, LocalDate.of(2025, 3, 1))).isEqualTo(25);
        assertThat(AgeCalculator.age(leapDay, LocalDate.of(2024, 2, 28))).isEqualTo(23);
        assertThat(AgeCalculator.age(leapDay, LocalDate.of(2024, 2, 29))).isEqualTo(24);
        assertThat(AgeCalculator.nextBirthday(leapDay, LocalDate.of(2025, 1, 10))).contains(LocalDate.of(2025, 3, 1));
        assertThat(AgeCalculator.nextBirthday(leapDay, LocalDate.of(2027, 12, 1))).contains(LocalDate.of(2028, 2, 29));
    }

    @Test
    void shouldRefuseABirthAfterToday() {
        assertThatThrownBy(() -> AgeCalculator.age(LocalDate.of(2030, 1, 1), LocalDate.of(2026, 1, 1)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void shouldReadBirthDatesAsCustomersWriteThem() {
        LocalDate today = LocalDate.of(2026, 11, 24);
        assertThat(AgeCalculator.birthDate("1990년 5월 3일생 만 나이", today)).isEqualTo(new AgeCalculator.Found(MAY_3_1990));
        assertThat(AgeCalculator.birthDate("90년 5월 3일생이에요", today)).isEqualTo(new AgeCalculator.Found(MAY_3_1990));
        assertThat(AgeCalculator.birthDate("1990.5.3", today)).isEqualTo(new AgeCalculator.Found(MAY_3_1990));
        assertThat(AgeCalculator.birthDate("1990-05-03 만나이", today)).isEqualTo(new AgeCalculator.Found(MAY_3_1990));
        assertThat(AgeCalculator.birthDate("19900503", today)).isEqualTo(new AgeCalculator.Found(MAY_3_1990));
        assertThat(AgeCalculator.birthDate("900503 만 나이", today)).isEqualTo(new AgeCalculator.Found(MAY_3_1990));
        // two-digit years up to this year are this century's
        assertThat(AgeCalculator.birthDate("15년 3월 1일생", today))
                .isEqualTo(new AgeCalculator.Found(LocalDate.of(2015, 3, 1)));
        assertThat(AgeCalculator.birthDate("2001년 2월 29일", today)).isInstanceOf(AgeCalculator.Invalid.class);
        assertThat(AgeCalculator.birthDate("만 나이 알려주세요", today)).isInstanceOf(AgeCalculator.Missing.class);
    }
}
