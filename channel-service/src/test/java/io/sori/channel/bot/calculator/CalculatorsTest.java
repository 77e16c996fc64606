package io.sori.channel.bot.calculator;

import static org.assertj.core.api.Assertions.assertThat;

import io.sori.channel.bot.calculator.Calculators.Answer;
import io.sori.channel.bot.calculator.Calculators.Kind;
import io.sori.channel.bot.calculator.Calculators.Status;
import java.time.LocalDate;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class CalculatorsTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 24);
    private static final ReferenceData LOADED = new ReferenceData(ReferenceFixtures.rates(), ReferenceFixtures.merchants(),
            false);

    private static Answer answer(String text) {
        Kind kind = Calculators.recognise(text).orElseThrow(() -> new AssertionError("no calculator for: " + text));
        return Calculators.answer(kind, text, TODAY, LOADED);
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', value = {
            "월 30만원씩 12개월 연 3.5% 적금 만기 금액|SAVINGS",
            "1000만원 1년 연 4% 정기예금 이자 얼마예요|SAVINGS",
            "적금 만기 금액 계산해 주세요|SAVINGS",
            "1억 대출 연 4.2% 30년 원리금균등 월 상환액|LOAN",
            "대출 이자 계산해 주세요|LOAN",
            "100달러 원화로 얼마|EXCHANGE",
            "50만원 엔화로|EXCHANGE",
            "오늘 달러 환율 알려주세요|EXCHANGE",
            "1990년 5월 3일생 만 나이|AGE",
            "만 나이 계산|AGE",
            "스타벅스 캐시백 되나요?|CASHBACK",
            "편의점 캐시백 얼마예요|CASHBACK"})
    void shouldRecogniseEachCalculator(String text, Kind kind) {
        assertThat(Calculators.recognise(text)).contains(kind);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "이체한도 올리고 싶어요",
            "전세대출 금리 얼마예요?",
            "환전 수수료 우대 받는 방법",
            "해외송금 수수료가 얼마예요?",
            "예금자보호 한도가 5천만원인가요?",
            "적금 중도해지하면 이자는 어떻게 되나요",
            "캐시백 언제 들어와요?",
            "청년 적금 가입 나이 조건이 만 나이 기준인가요?",
            "대출 신청 서류가 뭐예요"})
    void shouldLeaveQuestionsThatAreNotCalculationsToTheFaq(String text) {
        assertThat(Calculators.recognise(text)).isEmpty();
    }

    @Test
    void shouldAnswerTheInstallmentSavingsExample() {
        Answer a = answer("월 30만원씩 12개월 연 3.5% 적금 만기 금액");
        assertThat(a.status()).isEqualTo(Status.ANSWERED);
        // derivation in SavingsCalculatorTest: 68,250 interest, 10,500 tax
        assertThat(a.text()).contains("월 300,000원씩 12개월, 연 3.5% 단리 적금", "원금 합계: 3,600,000원",
                "세전 이자: 68,250원", "이자 과세(15.4%): 10,500원", "세후 이자: 57,750원", "만기 수령액: 3,657,750원");
    }

    @Test
    void shouldAnswerMonthlyCompoundWhenAsked() {
        Answer a = answer("월 30만원씩 12개월 연 3.5% 월복리 적금 만기 금액");
        assertThat(a.text()).contains("월복리", "세전 이자: 68,985원", "만기 수령액: 3,658,375원");
    }

    @Test
    void shouldAnswerADepositExample() {
        Answer a = answer("1000만원 1년 연 4% 정기예금 이자 얼마예요");
        assertThat(a.text()).contains("10,000,000원을 12개월 동안 연 4% 단리로 예금", "세전 이자: 400,000원",
                "만기 수령액: 10,338,400원");
    }

    @Test
    void shouldAnswerTheMortgageExample() {
        Answer a = answer("1억 대출 연 4.2% 30년 원리금균등 월 상환액");
        // derivation in LoanCalculatorTest: 489,017 a month, 76,045,905 interest in all
        assertThat(a.text()).contains("100,000,000원을 연 4.2%로 30년(360개월) 동안 원리금균등 상환하면",
                "매달 상환액: 489,017원", "마지막 달 상환액: 488,802원", "첫 달: 원금 139,017원 + 이자 350,000원",
                "총 이자: 76,045,905원", "총 상환액: 176,045,905원");
        assertThat(a.text()).doesNotContain("상환 방식을 말씀하지 않으셔서");
    }

    @Test
    void shouldAnswerEqualPrincipalAndSayWhichMethodWasAssumed() {
        Answer a = answer("1200만원 대출 연 6% 12개월 원금균등");
        assertThat(a.text()).contains("첫 달 상환액: 1,060,000원 (원금 1,000,000원 + 이자 60,000원)",
                "마지막 달 상환액: 1,005,000원", "총 이자: 390,000원");
        assertThat(answer("1200만원 대출 연 6% 12개월 상환액 계산").text()).contains("원리금균등으로 계산했어요");
    }

    @Test
    void shouldAskForWhatIsMissing() {
        Answer savings = answer("적금 만기 금액 계산해 주세요");
        assertThat(savings.status()).isEqualTo(Status.MISSING_PARAMETERS);
        assertThat(savings.text()).contains("매달 넣을 금액, 기간, 연 금리를 알려 주세요", "월 30만원씩 12개월 연 3.5% 적금");

        Answer loan = answer("1억 대출 30년 상환액");
        assertThat(loan.status()).isEqualTo(Status.MISSING_PARAMETERS);
        assertThat(loan.text()).contains("연 금리를 알려 주세요").doesNotContain("대출 금액");

        Answer age = answer("만 나이 계산");
        assertThat(age.status()).isEqualTo(Status.MISSING_PARAMETERS);
        assertThat(age.text()).contains("생년월일을 알려 주시면");

        Answer exchange = answer("100만원 환전하면 얼마");
        assertThat(exchange.status()).isEqualTo(Status.MISSING_PARAMETERS);
        assertThat(exchange.text()).contains("1,000,000원을 어느 통화로 바꾸실지");
    }

    @Test
    void shouldExchangeDollarsToWon() {
        Answer a = answer("100달러 원화로 얼마");
        assertThat(a.text()).contains("100달러는 매매기준율(1달러 = 1,390.50원)로 139,050원이에요",
                "현찰 살 때(1,414.83원): 141,483원", "현찰 팔 때(1,366.17원): 136,617원",
                "2026년 11월 24일 09:00 고시 환율 기준");
    }

    @Test
    void shouldExchangeWonToYen() {
        Answer a = answer("50만원 엔화로");
        assertThat(a.text()).contains("500,000원은 매매기준율(100엔 = 935.20원)로 53,464엔이에요",
                "현찰 살 때(951.57원): 52,544엔", "송금 보낼 때(944.55원): 52,935엔");
    }

    @Test
    void shouldShowTheRatesOfOneCurrencyOrTheMainOnes() {
        assertThat(answer("오늘 달러 환율 알려주세요").text()).contains("미국 달러 환율이에요(1달러 기준)",
                "매매기준율: 1,390.50원", "송금 받을 때: 1,376.60원");
        assertThat(answer("환율 알려주세요").text()).contains("1달러: 1,390.50원", "100엔: 935.20원", "1유로: 1,615.30원",
                "1위안: 195.40원");
        assertThat(answer("100파운드 원화로 얼마").text()).contains("파운드(GBP) 환율은 아직 안내하지 않아요");
    }

    @Test
    void shouldTellTheAgeInSeoulToday() {
        Answer a = answer("1990년 5월 3일생 만 나이");
        assertThat(a.text()).isEqualTo("1990년 5월 3일생은 오늘(2026년 11월 24일) 기준 만 36세예요. "
                + "다음 생일(2027년 5월 3일)부터 만 37세가 돼요.");
        assertThat(answer("2030년 1월 1일생 만 나이").text()).contains("오늘(2026년 11월 24일)보다 뒤예요");
        assertThat(answer("1990년 2월 30일생 만 나이").text()).contains("달력에 없는 날짜예요");
    }

    @Test
    void shouldLookUpCashback() {
        assertThat(answer("스타벅스 캐시백 되나요?").text()).startsWith("스타벅스는 지금 캐시백 가맹점 목록에 없어요.");
        assertThat(answer("스타 커피 캐시백 돼?").text())
                .isEqualTo("스타 커피는 캐시백 가맹점이에요. 체크카드로 결제하면 10% 캐시백을 받아요 (앱 주문 포함).");
        assertThat(answer("편의점 캐시백 얼마예요").text()).contains("편의점 업종 캐시백 가맹점이에요",
                "· 하루24 편의점 5% (월 최대 5천원)", "· 모퉁이마트 5%");
    }

    @Test
    void shouldAskForReferenceDataFirstAndSaySoWhenItCannotBeHad() {
        Answer needs = Calculators.answer(Kind.EXCHANGE, "100달러 원화로 얼마", TODAY, ReferenceData.none());
        assertThat(needs.status()).isEqualTo(Status.NEEDS_REFERENCE);
        assertThat(needs.needs()).isEqualTo(ReferenceKind.FX_RATES);

        Answer unavailable = Calculators.answer(Kind.CASHBACK, "스타벅스 캐시백 되나요?", TODAY,
                ReferenceData.none().afterLoadAttempt());
        assertThat(unavailable.status()).isEqualTo(Status.UNAVAILABLE);
        assertThat(unavailable.text()).contains("지금은 캐시백 가맹점 정보를 불러올 수 없어요", "'상담원 연결'");
    }
}
