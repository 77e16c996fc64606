package io.sori.channel.bot.calculator;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class KoreanAmountsTest {

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource(delimiter = '|', value = {
            "30만원|300000",
            "30만 원|300000",
            "1억 2천만원|120000000",
            "1억2천만원|120000000",
            "1,500,000원|1500000",
            "1억|100000000",
            "1.5억|150000000",
            "2억5천|250000000",          // after 억, a trailing 천 is read as 천만, as people say it
            "1억 5000만원|150000000",
            "3천5백만원|35000000",
            "5백만원|5000000",
            "만원|10000",
            "천원|1000",
            "백만원|1000000",
            "3만5천원|35000",
            "1,500만원|15000000",
            "50000|50000"})
    void shouldReadKoreanAmounts(String text, String expected) {
        assertThat(KoreanAmounts.parse(text)).contains(new BigDecimal(expected));
    }

    @Test
    void shouldFindTheMoneyInASentenceAndNotTheCountsRatesOrDates() {
        List<KoreanAmounts.Amount> found = KoreanAmounts.findAll("월 30만원씩 12개월 연 3.5% 적금 만기 금액");
        assertThat(found).extracting(KoreanAmounts.Amount::value).containsExactly(new BigDecimal("300000"));
        assertThat(found.get(0).currency()).isEqualTo("KRW");

        assertThat(KoreanAmounts.findAll("1억 대출 연 4.2% 30년 원리금균등 월 상환액"))
                .extracting(KoreanAmounts.Amount::value).containsExactly(new BigDecimal("100000000"));
        assertThat(KoreanAmounts.findAll("1990년 5월 3일생 만 나이")).isEmpty();
        assertThat(KoreanAmounts.findAll("2026.11.24 기준")).isEmpty();
    }

    @Test
    void shouldKnowTheCurrencyWrittenAfterOrBeforeTheNumber() {
        assertThat(KoreanAmounts.first("100달러 원화로 얼마")).hasValueSatisfying(a -> {
            assertThat(a.value()).isEqualByComparingTo("100");
            assertThat(a.currency()).isEqualTo("USD");
        });
        assertThat(KoreanAmounts.first("$250 환전하면")).hasValueSatisfying(a -> {
            assertThat(a.value()).isEqualByComparingTo("250");
            assertThat(a.currency()).isEqualTo("USD");
        });
        assertThat(KoreanAmounts.first("1만엔은 원화로")).hasValueSatisfying(a -> {
            assertThat(a.value()).isEqualByComparingTo("10000");
            assertThat(a.currency()).isEqualTo("JPY");
        });
        assertThat(KoreanAmounts.first("50만원 엔화로")).hasValueSatisfying(a -> {
            assertThat(a.value()).isEqualByComparingTo("500000");
            assertThat(a.currency()).isEqualTo("KRW");
        });
        assertThat(KoreanAmounts.first("300유로")).hasValueSatisfying(a -> assertThat(a.currency()).isEqualTo("EUR"));
        assertThat(KoreanAmounts.first("1000위안")).hasValueSatisfying(a -> assertThat(a.currency()).isEqualTo("CNY"));
        assertThat(KoreanAmounts.first("200호주 달러")).hasValueSatisfying(a -> assertThat(a.currency()).isEqualTo("AUD"));
    }

    @Test
    void shouldNotReadTheWordsAroundAmountsAsMoney() {
        assertThat(KoreanAmounts.findAll("만 나이 알려주세요")).isEmpty();
        assertThat(KoreanAmounts.findAll("오만원 있어요")).isEmpty(); // Hangul numerals are not read
        assertThat(KoreanAmounts.first("1억 원리금균등")).hasValueSatisfying(
                a -> assertThat(a.value()).isEqualByComparingTo("100000000"));
        assertThat(KoreanAmounts.parse("12개월")).isEmpty();
        // a number the PII redactor masked is no amount
        assertThat(KoreanAmounts.findAll("******0000원 보내려면")).isEmpty();
        assertThat(KoreanAmounts.findAll("0원")).isEmpty();
        assertThat(KoreanAmounts.parse("")).isEmpty();
    }
}
