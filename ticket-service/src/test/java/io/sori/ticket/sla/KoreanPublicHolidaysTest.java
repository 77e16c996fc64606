package io.sori.ticket.sla;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class KoreanPublicHolidaysTest {

    private final KoreanPublicHolidays holidays = KoreanPublicHolidays.defaults();

    private static LocalDate d(String date) {
        return LocalDate.parse(date);
    }

    @Test
    void shouldListEveryHolidayOf2026() {
        assertThat(holidays.holidaysIn(2026).keySet()).containsExactlyElementsOf(Stream.of(
                "2026-01-01",
                "2026-02-16", "2026-02-17", "2026-02-18",          // 설날
                "2026-03-01", "2026-03-02",                        // 삼일절 on a Sunday, substitute
                "2026-05-05",
                "2026-05-24", "2026-05-25",                        // 부처님오신날 on a Sunday, substitute
                "2026-06-03",                                      // local elections
                "2026-06-06",                                      // 현충일 on a Saturday: none
                "2026-07-17",                                      // 제헌절, a holiday again
                "2026-08-15", "2026-08-17",                        // 광복절 on a Saturday, substitute
                "2026-09-24", "2026-09-25", "2026-09-26",          // 추석, its Saturday not substituted
                "2026-10-03", "2026-10-05",                        // 개천절 on a Saturday, substitute
                "2026-10-09",
                "2026-12-25").map(LocalDate::parse).toList());
    }

    @Test
    void shouldListEveryHolidayOf2025() {
        assertThat(holidays.holidaysIn(2025).keySet()).containsExactlyElementsOf(Stream.of(
                "2025-01-01",
                "2025-01-27",                                      // temporary holiday
                "2025-01-28", "2025-01-29", "2025-01-30",          // 설날
                "2025-03-01", "2025-03-03",                        // 삼일절 on a Saturday, substitute
                "2025-05-05", "2025-05-06",                        // 어린이날 and 부처님오신날 together: one substitute
                "2025-06-03",                                      // presidential election
                "2025-06-06",
                "2025-08-15",
                "2025-10-03",
                "2025-10-05", "2025-10-06", "2025-10-07", "2025-10-08", // 추석 from a Sunday, substitute
                "2025-10-09",
                "2025-12-25").map(LocalDate::parse).toList());
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({
            "2024-02-12, 대체공휴일(설날)",              // 설날 on Saturday 2/10, its day after on Sunday 2/11
            "2024-04-10, 제22대 국회의원 선거일",
            "2024-05-06, 대체공휴일(어린이날)",
            "2024-10-01, 임시공휴일(국군의 날)",
            "2025-05-06, 대체공휴일(어린이날·부처님오신날)",
            "2025-10-08, 대체공휴일(추석)",
            "2026-05-25, 대체공휴일(부처님오신날)",
            "2027-02-09, 대체공휴일(설날)",              // 설날 on Sunday 2/7
            "2027-08-16, 대체공휴일(광복절)",
            "2027-10-04, 대체공휴일(개천절)",
            "2027-10-11, 대체공휴일(한글날)",            // 한글날 on a Saturday
            "2027-12-27, 대체공휴일(기독탄신일)",        // 성탄절 on a Saturday
            "2028-10-05, 대체공휴일(개천절·추석)",       // 추석 on 개천절
            "2029-05-21, 대체공휴일(부처님오신날)",
            "2029-09-24, 대체공휴일(추석)",
            "2030-02-05, 대체공휴일(설날)"})
    void shouldNameSubstituteAndExtraHolidays(LocalDate date, String name) {
        assertThat(holidays.nameOf(date)).contains(name);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "2025-05-07",  // only one substitute for the shared 5/5
            "2025-10-10",  // after 한글날, an ordinary Friday
            "2026-09-28",  // 추석 on a Saturday is not substituted
            "2026-06-08",  // 현충일 is never substituted
            "2028-01-03",  // nor is 신정 (2028-01-01 is a Saturday)
            "2028-10-06",  // the shared 10/3 gives one substitute
            "2026-02-19",  // the day after 설날 holidays
            "2026-05-01"}) // 노동절 is no public holiday (banks close; see BusinessHours)
    void shouldLeaveOrdinaryDaysAlone(LocalDate date) {
        assertThat(holidays.isHoliday(date)).isFalse();
    }

    @Test
    void shouldNotCountWeekendsAsHolidays() {
        assertThat(holidays.isHoliday(d("2026-03-07"))).isFalse();
        assertThat(holidays.isHoliday(d("2026-03-08"))).isFalse();
    }

    @Test
    void shouldKnowTheLunarHolidaysOfEveryYearInTheTable() {
        assertThat(holidays.nameOf(d("2024-09-17"))).contains("추석");
        assertThat(holidays.nameOf(d("2027-05-13"))).contains("부처님오신날");
        assertThat(holidays.nameOf(d("2028-01-26"))).contains("설날");
        assertThat(holidays.nameOf(d("2029-02-14"))).contains("설날");
        assertThat(holidays.nameOf(d("2030-09-13"))).contains("추석");
    }

    @Nested
    class Coverage {

        @Test
        void shouldSayWhichYearsAreComplete() {
            assertThat(holidays.fullyCoveredYears()).containsExactly(2024, 2025, 2026, 2027, 2028, 2029, 2030);
            assertThat(holidays.isFullyCovered(2026)).isTrue();
            assertThat(holidays.isFullyCovered(2031)).isFalse();
            assertThat(holidays.isFullyCovered(2023)).isFalse();
        }

        @Test
        void shouldKeepSolarHolidaysAndTheirSubstitutesOutsideTheTable() {
            assertThat(holidays.isHoliday(d("2031-01-01"))).isTrue();
            assertThat(holidays.isHoliday(d("2031-03-03"))).as("삼일절 2031 is a Saturday").isTrue();
            assertThat(holidays.isHoliday(d("2031-01-23"))).as("설날 2031 is not in the table").isFalse();
        }

        @Test
        void shouldAcceptALunarTableForMoreYears() {
            KoreanPublicHolidays extended = new KoreanPublicHolidays(Map.of(2031,
                    new KoreanPublicHolidays.LunarDates(d("2031-01-23"), d("2031-05-28"), d("2031-10-01"))), Map.of());

            assertThat(extended.isFullyCovered(2031)).isTrue();
            assertThat(extended.nameOf(d("2031-01-22"))).contains("설날");
            assertThat(extended.isHoliday(d("2031-10-02"))).isTrue();
        }

        @Test
        void shouldRejectLunarDatesFiledUnderTheWrongYear() {
            assertThatThrownBy(() -> new KoreanPublicHolidays(Map.of(2030,
                    new KoreanPublicHolidays.LunarDates(d("2031-01-23"), d("2031-05-28"), d("2031-10-01"))), Map.of()))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Nested
    class ExtraDays {

        @Test
        void shouldAddDeclaredTemporaryHolidays() {
            KoreanPublicHolidays withMore = holidays.withExtraDays(List.of(d("2026-10-02")));

            assertThat(withMore.nameOf(d("2026-10-02"))).contains("임시공휴일");
            assertThat(holidays.isHoliday(d("2026-10-02"))).as("the original is unchanged").isFalse();
        }

        @Test
        void shouldMoveASubstituteOffAnExtraDay() {
            // a temporary holiday on Monday 2026-08-17 pushes 광복절's substitute to Tuesday
            KoreanPublicHolidays withMore = holidays.withExtraDays(Map.of(d("2026-08-17"), "임시공휴일"));

            assertThat(withMore.nameOf(d("2026-08-17"))).contains("임시공휴일");
            assertThat(withMore.nameOf(d("2026-08-18"))).contains("대체공휴일(광복절)");
        }
    }
}
