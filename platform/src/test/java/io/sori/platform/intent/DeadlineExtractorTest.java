package io.sori.platform.intent;

import static org.assertj.core.api.Assertions.assertThat;

import java.text.Normalizer;
import java.time.ZonedDateTime;
import java.util.Optional;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class DeadlineExtractorTest {

    /** Monday 2 March 2026, 10:15 in Seoul. */
    private static final ZonedDateTime MONDAY_MORNING = seoul("2026-03-02T10:15");

    private final DeadlineExtractor extractor = new DeadlineExtractor();

    private static ZonedDateTime seoul(String localDateTime) {
        return ZonedDateTime.parse(localDateTime + "+09:00[Asia/Seoul]");
    }

    private Optional<ZonedDateTime> at(String text) {
        return extractor.extract(text, MONDAY_MORNING);
    }

    @Test
    void shouldReadTheTuitionSentence() {
        assertThat(at("등록금을 오늘 오후 2시까지 내야 하는데 이체한도가 초과됐어요")).contains(seoul("2026-03-02T14:00"));
    }

    @Test
    void shouldKeepThePhraseItReadTheDeadlineFrom() {
        assertThat(extractor.find("등록금을 오늘 오후 2시까지 내야 하는데", MONDAY_MORNING))
                .hasValueSatisfying(deadline -> assertThat(deadline.phrase()).isEqualTo("오늘 오후 2시까지"));
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource({
            "'내일 아침 9시 반까지 잔금을 보내야 해요', 2026-03-03T09:30",
            "'모레 오후 3시에 계약이에요', 2026-03-04T15:00",
            "'내일 오전 10시 전에 처리해 주세요', 2026-03-03T10:00",
            "'오후 두 시까지 가능할까요', 2026-03-02T14:00",
            "'저녁 7시 30분까지 보내야 해요', 2026-03-02T19:30",
            "'14시까지 입금해야 합니다', 2026-03-02T14:00",
            "'14:30까지 송금해야 해요', 2026-03-02T14:30",
            "'정오까지 부탁드려요', 2026-03-02T12:00",
            "'자정까지 처리해야 해요', 2026-03-03T00:00",
            "'밤 12시까지요', 2026-03-03T00:00",
            "'오늘 밤 1시까지 결제해야 해요', 2026-03-03T01:00",
            "'다음 주 월요일 오전 10시까지 서류를 내야 해요', 2026-03-09T10:00",
            "'3월 10일 오후 3시에 잔금 치러요', 2026-03-10T15:00",
            "'마감이 오늘 오후 4시예요', 2026-03-02T16:00",
            "'오전 중으로 부탁드려요', 2026-03-02T12:00",
            "'오늘 오후까지 보내야 해요', 2026-03-02T18:00",
            "'오늘 저녁 안으로 해결해 주세요', 2026-03-02T21:00",
            "'오늘 밤까지', 2026-03-03T00:00"})
    void shouldReadDaysAndTimes(String text, String expected) {
        assertThat(at(text)).contains(seoul(expected));
    }

    @ParameterizedTest(name = "{0} → end of {1}")
    @CsvSource({
            "'오늘까지 처리해 주세요', 2026-03-02",
            "'오늘 중으로 부탁드려요', 2026-03-02",
            "'오늘중에 꼭 해야 해요', 2026-03-02",
            "'내일까지 내야 해요', 2026-03-03",
            "'내일 이사하는데 대출금이 아직이에요', 2026-03-03",
            "'내일모레까지요', 2026-03-04",
            "'글피까지 입금해야 해요', 2026-03-05",
            "'이번 주 금요일까지 필요해요', 2026-03-06",
            "'금요일까지 보내야 해요', 2026-03-06",
            "'월요일까지라고 했어요', 2026-03-02",
            "'다음 주 수요일까지요', 2026-03-11",
            "'15일까지 납부해야 해요', 2026-03-15",
            "'15일 전까지 내야 해요', 2026-03-15",
            "'1일까지 월세를 내야 해요', 2026-04-01",
            "'다음 달 5일까지 갚아야 해요', 2026-04-05",
            "'3월 20일 마감이에요', 2026-03-20",
            "'2026년 4월 1일까지', 2026-04-01",
            "'이번 주 안에 처리해 주세요', 2026-03-06",
            "'다음 주까지 보내 주세요', 2026-03-13",
            "'이번 달 말까지 내야 해요', 2026-03-31",
            "'월말까지 서류를 내야 해요', 2026-03-31",
            "'다음 달까지 갚아야 해요', 2026-04-30"})
    void shouldReadADayWithoutATimeAsItsEnd(String text, String day) {
        assertThat(at(text)).contains(seoul(day + "T23:59:59"));
    }

    @ParameterizedTest(name = "{0} → now + {1}")
    @CsvSource({
            "'2시간 안에 처리해 주세요', 2026-03-02T12:15",
            "'30분 내로 연락 주세요', 2026-03-02T10:45",
            "'한 시간 안에 보내야 해요', 2026-03-02T11:15",
            "'1시간 30분 안에 해야 해요', 2026-03-02T11:45",
            "'3일 안에 답변 주세요', 2026-03-05T10:15",
            "'하루 안에 처리 가능할까요', 2026-03-03T10:15",
            "'지금 바로 송금해야 해요 10분 안에요', 2026-03-02T10:25"})
    void shouldReadDurationsFromNow(String text, String expected) {
        assertThat(at(text)).contains(seoul(expected));
    }

    @ParameterizedTest(name = "{0}")
    @NullAndEmptySource
    @ValueSource(strings = {
            "  ",
            "오늘 이체했는데 아직 안 들어왔어요",
            "1일에 이체했는데 아직이에요",
            "2월 27일에 보냈는데 확인 부탁드려요",
            "3일 전에 보냈는데 아직 안 들어왔어요",
            "2시간 전에 보냈어요",
            "9시부터 6시까지 영업하나요",
            "평일 9시~18시 상담 가능한가요",
            "2시 이후에 전화 주세요",
            "한시적으로 한도가 풀렸다고 들었어요",
            "오늘 중고거래 사기를 당했어요",
            "매월 25일 자동이체가 안 돼요",
            "1일 이체한도가 얼마예요",
            "24시간 상담 가능한가요",
            "영업시간이 몇 시까지예요",
            "오전에 이체했는데 아직이에요",
            "이번 주에 이체했는데 아직이에요",
            "금리가 낮은 대출 있나요",
            "다시 시도해도 안 돼요",
            "한 시간째 기다리고 있어요",
            "3개월 할부로 결제했어요"})
    void shouldFindNoDeadline(String text) {
        assertThat(at(text)).isEmpty();
    }

    @Nested
    class HoursWithoutMorningOrAfternoon {

        @Test
        void shouldReadAnAfternoonHourInBusinessSense() {
            assertThat(extractor.extract("2시까지 보내야 해요", seoul("2026-03-02T10:00"))).contains(seoul("2026-03-02T14:00"));
        }

        @Test
        void shouldTakeTomorrowWhenTheHourHasPassedAndNoDayWasNamed() {
            assertThat(extractor.extract("2시까지 보내야 해요", seoul("2026-03-02T15:00"))).contains(seoul("2026-03-03T14:00"));
        }

        @Test
        void shouldDropTheDeadlineWhenTheNamedDayHasPassedIt() {
            assertThat(extractor.extract("오늘 2시까지 보내야 했어요", seoul("2026-03-02T15:00"))).isEmpty();
            assertThat(extractor.extract("오늘 오후 2시까지였어요", seoul("2026-03-02T15:00"))).isEmpty();
        }

        @Test
        void shouldNotRollAStoryAboutThePastIntoTomorrow() {
            assertThat(extractor.extract("2시에 이체했는데 아직 안 들어왔어요", seoul("2026-03-02T15:00"))).isEmpty();
        }

        @Test
        void shouldTakeTheEveningWhenTheMorningHasPassed() {
            assertThat(extractor.extract("9시까지 보내야 해요", seoul("2026-03-02T10:00"))).contains(seoul("2026-03-02T21:00"));
            assertThat(extractor.extract("오늘 8시까지 보내야 해요", seoul("2026-03-02T10:00")))
                    .contains(seoul("2026-03-02T20:00"));
        }

        @Test
        void shouldReadAMorningHourAsMorningWhenStillAhead() {
            assertThat(extractor.extract("10시까지 보내야 해요", seoul("2026-03-02T08:00"))).contains(seoul("2026-03-02T10:00"));
        }

        @Test
        void shouldTakeAnExplicitMorningHourTomorrowWhenItHasPassed() {
            assertThat(extractor.extract("오전 9시까지 보내야 해요", seoul("2026-03-02T10:00")))
                    .contains(seoul("2026-03-03T09:00"));
        }
    }

    @Nested
    class Placement {

        @Test
        void shouldTakeNextMonthForADayOfMonthThatHasPassed() {
            assertThat(extractor.extract("5일까지 내야 해요", seoul("2026-03-28T10:00"))).contains(seoul("2026-04-05T23:59:59"));
        }

        @Test
        void shouldTakeNextYearForADateThatHasPassed() {
            assertThat(extractor.extract("1월 5일까지 내야 해요", seoul("2026-12-20T10:00")))
                    .contains(seoul("2027-01-05T23:59:59"));
        }

        @Test
        void shouldTakeTheNearestUnmarkedDateAcrossTheYearEnd() {
            assertThat(extractor.extract("1월 3일에 잔금이에요", seoul("2026-12-30T10:00")))
                    .contains(seoul("2027-01-03T23:59:59"));
        }

        @Test
        void shouldIgnoreInvalidDates() {
            assertThat(at("2월 30일까지")).isEmpty();
        }

        @Test
        void shouldPickTheEarliestOfSeveralDeadlines() {
            assertThat(at("내일 오전 10시나 아니면 오늘 오후 5시까지 돼요")).contains(seoul("2026-03-02T17:00"));
        }

        @Test
        void shouldAnswerInSeoulWhateverZoneNowIsIn() {
            ZonedDateTime utc = MONDAY_MORNING.withZoneSameInstant(java.time.ZoneOffset.UTC);

            assertThat(extractor.extract("오늘 오후 2시까지", utc)).contains(seoul("2026-03-02T14:00"));
        }

        @Test
        void shouldNotMistakeACallForADeadlineWord() {
            assertThat(extractor.find("3시 전화 주세요", MONDAY_MORNING))
                    .hasValueSatisfying(deadline -> {
                        assertThat(deadline.at()).isEqualTo(seoul("2026-03-02T15:00"));
                        assertThat(deadline.phrase()).isEqualTo("3시");
                    });
        }
    }

    @Nested
    class Input {

        @Test
        void shouldReadDecomposedHangul() {
            String decomposed = Normalizer.normalize("오늘 오후 2시까지", Normalizer.Form.NFD);

            assertThat(at(decomposed)).contains(seoul("2026-03-02T14:00"));
        }

        @Test
        void shouldReadFullWidthDigits() {
            assertThat(at("오후 ２시까지")).contains(seoul("2026-03-02T14:00"));
        }

        @Test
        void shouldReadTextSpreadOverLines() {
            assertThat(at("안녕하세요\n내일   오전 10시까지\n부탁드립니다")).contains(seoul("2026-03-03T10:00"));
        }
    }

    @Nested
    class PastDays {

        /** Tuesday 10:00, so "목요일" alone could be the coming one. */
        private final ZonedDateTime tuesday = ZonedDateTime.parse("2026-03-10T10:00+09:00[Asia/Seoul]");

        @ParameterizedTest
        @ValueSource(strings = {"지난주 목요일에 신청했는데 아직 안 됐어요", "어제 오후 3시에 보냈는데",
                "저번주 금요일까지 내라고 했는데", "지난 금요일에 보낸 돈이 반송됐어요", "그저께 오후 5시에 이체했어요",
                "목요일에 신청했는데 연락이 없어요", "오후 3시에 보냈는데 아직이에요"})
        void shouldFindNoDeadlineInAPastDayOrAStory(String text) {
            assertThat(extractor.extract(text, tuesday)).as(text).isEmpty();
        }

        @Test
        void shouldStillFindTheComingDayWithADeadlineWord() {
            assertThat(extractor.extract("금욜까지 해외송금 돼야함", tuesday))
                    .contains(ZonedDateTime.parse("2026-03-13T23:59:59+09:00[Asia/Seoul]"));
        }
    }
}
