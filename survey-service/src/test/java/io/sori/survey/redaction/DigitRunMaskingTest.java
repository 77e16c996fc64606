package io.sori.survey.redaction;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DigitRunMaskingTest {

    private final DigitRunMasking masking = new DigitRunMasking();

    @Test
    void shouldMaskPhoneCardAccountAndResidentNumbersButTheirLastFourDigits() {
        assertThat(masking.redact("010-1234-5678로 연락 주세요")).isEqualTo("***-****-5678로 연락 주세요");
        assertThat(masking.redact("카드 1234 5678 9012 3456 분실")).isEqualTo("카드 **** **** **** 3456 분실");
        assertThat(masking.redact("계좌 3333-01-1234567")).isEqualTo("계좌 ****-**-***4567");
        assertThat(masking.redact("주민번호 900101-1234567")).doesNotContain("900101");
    }

    @Test
    void shouldLeaveShortNumbersAndPlainTextAlone() {
        assertThat(masking.redact("2시까지 3일 걸렸어요, 14영업일")).isEqualTo("2시까지 3일 걸렸어요, 14영업일");
        assertThat(masking.redact(null)).isNull();
    }
}
