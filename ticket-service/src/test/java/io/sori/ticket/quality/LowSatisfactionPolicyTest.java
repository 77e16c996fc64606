package io.sori.ticket.quality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class LowSatisfactionPolicyTest {

    private final LowSatisfactionPolicy defaults = new LowSatisfactionPolicy(true, 2);

    @Test
    void shouldReopenOnAScoreAtOrBelowTheThreshold() {
        assertThat(defaults.reopens(1, true)).isTrue();
        assertThat(defaults.reopens(2, null)).isTrue();
        assertThat(defaults.reopens(3, true)).isFalse();
    }

    @Test
    void shouldReopenWhenTheCustomerSaidItWasNotResolvedWhateverTheScore() {
        assertThat(defaults.reopens(4, false)).isTrue();
        assertThat(new LowSatisfactionPolicy(false, 2).reopens(4, false)).isFalse();
    }

    @Test
    void shouldNeverReopenOnTheScoreWhenTheThresholdIsZero() {
        LowSatisfactionPolicy flagOnly = new LowSatisfactionPolicy(false, 0);
        assertThat(flagOnly.reopens(1, null)).isFalse();
        assertThat(flagOnly.reopens(1, false)).isFalse();
    }

    @Test
    void shouldRefuseAThresholdOutsideTheScale() {
        assertThatThrownBy(() -> new LowSatisfactionPolicy(true, 6)).isInstanceOf(IllegalArgumentException.class);
    }
}
