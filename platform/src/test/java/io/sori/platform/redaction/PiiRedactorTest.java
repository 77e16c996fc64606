package io.sori.platform.redaction;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PiiRedactorTest {

    private final PiiRedactor redactor = new PiiRedactor();

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            주민번호는 900101-1234567 입니다              | 주민번호는 ******-******* 입니다
            주민번호 9001011234567요                     | 주민번호 ******-*******요
            외국인 등록번호 040229-7123456                | 외국인 등록번호 ******-*******
            2000년생 000229-3123456                      | 2000년생 ******-*******
            """)
    void shouldMaskResidentRegistrationNumbersWithOrWithoutHyphen(String text, String masked) {
        assertThat(redactor.redact(text)).isEqualTo(masked);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            주민번호 ９０１２３４－１２３４５６７ 입니다               | 주민번호 ******-******* 입니다
            ９００１０１１２３４５６７요                          | ******-*******요
            카드 ４１１１－１１１１－１１１１－１１１１                | 카드 ****-****-****-1111
            연락처 ０１０－１２３４－５６７８                       | 연락처 010-****-5678
            주민번호 901234-1234567 입니다                     | 주민번호 ******-******* 입니다
            """)
    void shouldMaskFullWidthDigitsAndGarbledDatesWrittenWithTheHyphen(String text, String masked) {
        assertThat(redactor.redact(text)).isEqualTo(masked);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            앞자리는 901234이고 뒷자리는 1234567이에요             | 앞자리는 ******이고 뒷자리는 *******이에요
            주민번호 앞 6자리 900101, 뒤는 잠시만요... 1234567     | 주민번호 앞 6자리 ******, 뒤는 잠시만요... *******
            생일은 900101이고요 그 다음은 2345678               | 생일은 ******이고요 그 다음은 *******
            앞자리 ９０１２３４ 뒷자리 １２３４５６７                  | 앞자리 ****** 뒷자리 *******
            """)
    void shouldMaskAResidentNumberGivenInTwoParts(String text, String masked) {
        assertThat(redactor.redact(text)).isEqualTo(masked);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            인증번호 123456 입력했어요
            901234 하고 1234567 은 무슨 번호죠
            2026년 11월 24일 오후 2시 예약번호 900101
            """)
    void shouldLeaveSixAndSevenDigitNumbersThatAreNoResidentNumberAlone(String text) {
        assertThat(redactor.redact(text)).isEqualTo(text);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            카드번호 4111-1111-1111-1111 분실했어요         | 카드번호 ****-****-****-1111 분실했어요
            카드 5555 5555 5555 4444 정지해 주세요          | 카드 **** **** **** 4444 정지해 주세요
            번호는 4012888888881881                      | 번호는 ************1881
            아멕스 378282246310005                       | 아멕스 ***********0005
            """)
    void shouldMaskLuhnValidCardNumbersKeepingTheLastFourDigits(String text, String masked) {
        assertThat(redactor.redact(text)).isEqualTo(masked);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            연락처 010-1234-5678 로 주세요                  | 연락처 010-****-5678 로 주세요
            01012345678로 전화 주세요                     | 010-****-5678로 전화 주세요
            회사 02-123-4567                            | 회사 02-***-4567
            집 031-987-6543                             | 집 031-***-6543
            해외에서 +82 10-1234-5678 로                  | 해외에서 +82 10-****-5678 로
            +821098765432                              | +82 10-****-5432
            """)
    void shouldMaskPhoneNumbersKeepingPrefixAndLastFour(String text, String masked) {
        assertThat(redactor.redact(text)).isEqualTo(masked);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            카카오 3333-01-1234567 으로 이체               | 카카오 ****-**-***4567 으로 이체
            신한 110-123-456789 계좌                     | 신한 ***-***-**6789 계좌
            국민 123456-01-234567                       | 국민 ******-**-**4567
            계좌 79421234567890 잔액                     | 계좌 **********7890 잔액
            """)
    void shouldMaskAccountNumbersInKoreanBankFormatsAndLongDigitRuns(String text, String masked) {
        assertThat(redactor.redact(text)).isEqualTo(masked);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            2026-11-24 오후 2시까지 100,000원 보내야 해요
            접수번호 SR-20261124-000123 확인 부탁드려요
            대표번호 1599-0000 으로 연락했어요
            주문번호 991332-1234567 아님 (없는 날짜)X
            """)
    void shouldLeaveDatesAmountsAndReferenceNumbersAlone(String text) {
        if (text.endsWith("X")) {
            // six and seven digits around a hyphen read as a resident number even on an impossible date
            assertThat(redactor.redact(text)).doesNotContain("991332-1234567").contains("******-*******");
        } else {
            assertThat(redactor.redact(text)).isEqualTo(text);
        }
    }

    @org.junit.jupiter.api.Test
    void shouldNotTreatDigitRunsFailingLuhnAsCards() {
        assertThat(PiiRedactor.luhn("4111111111111112")).isFalse();
        // grouped by spaces and not a card: an ordinary number, left alone
        assertThat(redactor.redact("견적 1234 5678 9012 3456")).isEqualTo("견적 1234 5678 9012 3456");
        // grouped by hyphens it is an account-like number: masked as an account, not as a card
        assertThat(redactor.redact("4111-1111-1111-1112")).isEqualTo("****-****-****-1112");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            9002301234567
            9013011234567
            900101-9234567
            """)
    void shouldNotCallImpossibleDatesWithoutTheHyphenOrGenderDigitsResidentNumbers(String text) {
        assertThat(redactor.redact(text)).isNotEqualTo("******-*******");
    }

    @org.junit.jupiter.api.Test
    void shouldMaskEveryKindInOneMessage() {
        String text = "본인 900101-1234567, 카드 4111 1111 1111 1111, 계좌 3333-01-1234567, 연락처 010-1234-5678";
        assertThat(redactor.redact(text)).isEqualTo(
                "본인 ******-*******, 카드 **** **** **** 1111, 계좌 ****-**-***4567, 연락처 010-****-5678");
        assertThat(redactor.redact(null)).isNull();
        // file names glue numbers to words with underscores
        assertThat(redactor.redact("통장사본_3333-01-1234567.pdf")).isEqualTo("통장사본_****-**-***4567.pdf");
        assertThat(redactor.redact("scan_01012345678_final.png")).isEqualTo("scan_010-****-5678_final.png");
    }
}
