package io.sori.ticket.sla;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.Set;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BusinessHoursTest {

    private final BusinessHours hours = new BusinessHours(KoreanPublicHolidays.defaults());

    /** A local time in Seoul. */
    private static Instant seoul(String localDateTime) {
        return ZonedDateTime.parse(localDateTime + "+09:00[Asia/Seoul]").toInstant();
    }

    @Nested
    class Open {

        @ParameterizedTest(name = "{0} open: {1}")
        @CsvSource({
                "2026-03-03T09:00, true",
                "2026-03-03T17:59:59, true",
                "2026-03-03T08:59:59, false",
                "2026-03-03T18:00, false",
                "2026-03-02T10:00, false",   // 삼일절's substitute
                "2026-03-07T10:00, false",   // Saturday
                "2026-09-25T10:00, false",   // 추석
                "2026-05-01T10:00, false",   // 노동절: banks close
                "2026-06-03T10:00, false"})  // local elections
        void shouldBeOpenOnBusinessDaysWithinHours(String at, boolean open) {
            assertThat(hours.isOpen(seoul(at))).isEqualTo(open);
        }

        @Test
        void shouldFindTheNextOpeningAcrossTheLunarNewYear() {
            assertThat(hours.nextOpening(seoul("2026-02-13T18:00"))).isEqualTo(seoul("2026-02-19T09:00"));
            assertThat(hours.nextOpening(seoul("2026-02-14T10:00"))).isEqualTo(seoul("2026-02-19T09:00"));
            assertThat(hours.nextOpening(seoul("2026-02-19T07:30"))).isEqualTo(seoul("2026-02-19T09:00"));
            assertThat(hours.nextOpening(seoul("2026-02-19T11:11"))).isEqualTo(seoul("2026-02-19T11:11"));
        }
    }

    @Nested
    class WorkingTime {

        @Test
        void shouldCarryAFourHourSlaFromFridayFivePmOverAHolidayMonday() {
            // 개천절 falls on Saturday 10/3, so Monday 10/5 is its substitute
            assertThat(hours.addWorkingTime(seoul("2026-10-02T17:00"), Duration.ofHours(4)))
                    .isEqualTo(seoul("2026-10-06T12:00"));
            // 부처님오신날 falls on Sunday 5/24, so Monday 5/25 is its substitute
            assertThat(hours.addWorkingTime(seoul("2026-05-22T17:00"), Duration.ofHours(4)))
                    .isEqualTo(seoul("2026-05-26T12:00"));
        }

        @Test
        void shouldSkipTheLunarNewYearHolidays() {
            assertThat(hours.addWorkingTime(seoul("2026-02-13T15:00"), Duration.ofHours(8)))
                    .isEqualTo(seoul("2026-02-19T14:00"));
        }

        @Test
        void shouldSkipLabourDayAndChildrensDay() {
            assertThat(hours.addWorkingTime(seoul("2026-04-30T16:00"), Duration.ofHours(4)))
                    .isEqualTo(seoul("2026-05-04T11:00"));
            assertThat(hours.addWorkingTime(seoul("2026-05-04T17:00"), Duration.ofHours(2)))
                    .isEqualTo(seoul("2026-05-06T10:00"));
        }

        @Test
        void shouldStartOutsideHoursAtTheNextOpening() {
            assertThat(hours.addWorkingTime(seoul("2026-03-07T13:00"), Duration.ofMinutes(90)))
                    .isEqualTo(seoul("2026-03-09T10:30"));
            assertThat(hours.addWorkingTime(seoul("2026-03-07T13:00"), Duration.ZERO))
                    .isEqualTo(seoul("2026-03-09T09:00"));
        }

        @Test
        void shouldEndAtClosingTimeWhenTheWorkFillsTheDay() {
            assertThat(hours.addWorkingTime(seoul("2026-03-03T14:00"), Duration.ofHours(4)))
                    .isEqualTo(seoul("2026-03-03T18:00"));
        }

        @Test
        void shouldSpanWholeWeeks() {
            // 5 business days of 9 hours from Tuesday 3/3: Tue–Fri, then Monday
            assertThat(hours.addWorkingTime(seoul("2026-03-03T09:00"), Duration.ofHours(45)))
                    .isEqualTo(seoul("2026-03-09T18:00"));
        }

        @Test
        void shouldCountOnlyOpenTimeBetweenTwoMoments() {
            assertThat(hours.workingTimeBetween(seoul("2026-02-13T17:00"), seoul("2026-02-19T10:00")))
                    .isEqualTo(Duration.ofHours(2));
            assertThat(hours.workingTimeBetween(seoul("2026-03-07T00:00"), seoul("2026-03-08T23:00")))
                    .isZero();
            assertThat(hours.workingTimeBetween(seoul("2026-03-03T12:00"), seoul("2026-03-03T10:00")))
                    .isZero();
        }

        @Test
        void shouldMeasureBackWhatItAdded() {
            Instant[] starts = {seoul("2026-02-13T15:00"), seoul("2026-09-23T17:30"), seoul("2026-10-02T23:00"),
                    seoul("2026-12-24T08:00")};
            Duration[] lengths = {Duration.ofMinutes(1), Duration.ofHours(4), Duration.ofHours(9), Duration.ofHours(40)};
            for (Instant start : starts) {
                for (Duration length : lengths) {
                    Instant end = hours.addWorkingTime(start, length);
                    assertThat(hours.workingTimeBetween(start, end)).as("%s + %s", start, length).isEqualTo(length);
                }
            }
        }

        @Test
        void shouldRejectANegativeDuration() {
            assertThatThrownBy(() -> hours.addWorkingTime(seoul("2026-03-03T10:00"), Duration.ofMinutes(-1)))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Nested
    class BusinessDays {

        @Test
        void shouldRunTheFourteenDayComplaintClockOverChuseok2026() {
            // counted: 9/21–23, 9/28–10/2, 10/6–8, 10/12–14 (추석 9/24–26, 개천절's substitute 10/5, 한글날 10/9)
            assertThat(hours.addBusinessDays(seoul("2026-09-21T10:00"), 14)).isEqualTo(seoul("2026-10-14T18:00"));
        }

        @Test
        void shouldStartTheClockNextBusinessDayForAComplaintAfterClosing() {
            assertThat(hours.addBusinessDays(seoul("2026-09-21T19:00"), 14)).isEqualTo(seoul("2026-10-15T18:00"));
            assertThat(hours.addBusinessDays(seoul("2026-09-21T18:00"), 14)).isEqualTo(seoul("2026-10-15T18:00"));
        }

        @Test
        void shouldStartTheClockAfterTheHolidaysForAComplaintMadeOnChuseok() {
            assertThat(hours.addBusinessDays(seoul("2026-09-25T11:00"), 14)).isEqualTo(seoul("2026-10-19T18:00"));
        }

        @Test
        void shouldRunTheClockOverTheLunarNewYearAndASubstituteHoliday() {
            // counted: 2/11–13, 2/19–20, 2/23–27, 3/3–6 (설날 2/16–18, 삼일절's substitute 3/2)
            assertThat(hours.addBusinessDays(seoul("2026-02-11T10:00"), 14)).isEqualTo(seoul("2026-03-06T18:00"));
        }

        @Test
        void shouldCountFromMondayForAFridayEveningReceipt() {
            assertThat(hours.addBusinessDays(seoul("2026-03-06T19:30"), 1)).isEqualTo(seoul("2026-03-09T18:00"));
            assertThat(hours.addBusinessDays(seoul("2026-03-06T19:30"), 3)).isEqualTo(seoul("2026-03-11T18:00"));
        }

        @Test
        void shouldCountTheDayOfAnEarlyMorningReceipt() {
            assertThat(hours.addBusinessDays(seoul("2026-03-03T07:00"), 1)).isEqualTo(seoul("2026-03-03T18:00"));
        }

        @Test
        void shouldRejectFewerThanOneDay() {
            assertThatThrownBy(() -> hours.addBusinessDays(seoul("2026-03-03T10:00"), 0))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Nested
    class Settings {

        @Test
        void shouldUseConfiguredHoursAndClosures() {
            BusinessHours shortDays = new BusinessHours(KoreanPublicHolidays.defaults(),
                    new BusinessHours.Settings(LocalTime.of(10, 0), LocalTime.of(16, 0), Set.of()));

            assertThat(shortDays.isOpen(seoul("2026-03-03T09:30"))).isFalse();
            assertThat(shortDays.isOpen(seoul("2026-03-03T15:30"))).isTrue();
            assertThat(shortDays.isBusinessDay(LocalDate.parse("2026-05-01"))).isTrue();
            assertThat(shortDays.addWorkingTime(seoul("2026-03-03T15:00"), Duration.ofHours(2)))
                    .isEqualTo(seoul("2026-03-04T11:00"));
        }

        @Test
        void shouldRejectClosingBeforeOpening() {
            assertThatThrownBy(() -> new BusinessHours.Settings(LocalTime.of(18, 0), LocalTime.of(9, 0), Set.of()))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> new BusinessHours.Settings(LocalTime.of(9, 0), LocalTime.of(9, 0), Set.of()))
                    .isInstanceOf(IllegalArgumentException.class);
        }

        @Test
        void shouldFailLoudlyWhenNoBusinessDayComes() {
            KoreanPublicHolidays allSummer = KoreanPublicHolidays.defaults().withExtraDays(
                    LocalDate.parse("2026-07-01").datesUntil(LocalDate.parse("2026-10-01")).toList());
            BusinessHours closed = new BusinessHours(allSummer);

            assertThatThrownBy(() -> closed.nextOpening(seoul("2026-07-01T10:00")))
                    .isInstanceOf(IllegalStateException.class);
        }
    }
}
