package io.sori.corebanking.actions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class CoreBankingPropertiesTest {

    @Test
    void shouldAnswerAfterAFifthOfASecondAndFailNobodyByDefault() {
        CoreBankingProperties defaults = new CoreBankingProperties(null, null, 0.0);

        assertThat(defaults.latency()).isEqualTo(Duration.ofMillis(200));
        assertThat(defaults.failCustomers()).isEmpty();
        assertThat(defaults.failureRate()).isZero();
    }

    @Test
    void shouldRefuseSettingsThatMakeNoSense() {
        assertThatThrownBy(() -> new CoreBankingProperties(Duration.ofMillis(-1), List.of(), 0.0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("latency");
        assertThatThrownBy(() -> new CoreBankingProperties(Duration.ZERO, List.of(), 2.0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("failure-rate");
    }
}
