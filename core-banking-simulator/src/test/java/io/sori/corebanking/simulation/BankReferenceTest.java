package io.sori.corebanking.simulation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sori.events.banking.EmergencyAction;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class BankReferenceTest {

    @Test
    void shouldNumberFreezesAndCardStopsPerKindAndDay() {
        LocalDate day = LocalDate.of(2026, 11, 24);

        assertThat(BankReference.of(BankReference.series(EmergencyAction.FREEZE_ACCOUNT, day), 123))
                .isEqualTo("FRZ-20261124-000123");
        assertThat(BankReference.of(BankReference.series(EmergencyAction.SUSPEND_CARD, day), 7))
                .isEqualTo("CSP-20261124-000007");
    }

    @Test
    void shouldCountDaysInSeoul() {
        Instant lateEveningUtc = Instant.parse("2026-11-23T15:30:00Z"); // 00:30 on the 24th in Seoul

        assertThat(BankReference.series(EmergencyAction.FREEZE_ACCOUNT,
                LocalDate.ofInstant(lateEveningUtc, BankReference.SEOUL))).isEqualTo("FRZ-20261124");
    }

    @Test
    void shouldKeepNumbersUniqueBeyondSixDigits() {
        assertThat(BankReference.of("FRZ-20261124", 1_234_567)).isEqualTo("FRZ-20261124-1234567");
        assertThatThrownBy(() -> BankReference.of("FRZ-20261124", 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
