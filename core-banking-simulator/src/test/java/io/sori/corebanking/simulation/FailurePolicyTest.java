package io.sori.corebanking.simulation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class FailurePolicyTest {

    @Test
    void shouldTreatAPlainPatternAsAPrefixOfTheCustomerId() {
        FailurePolicy policy = policy("cust-fail-");

        assertThat(policy.alwaysFails("cust-fail-1001")).isTrue();
        assertThat(policy.alwaysFails("cust-fail-")).isTrue();
        assertThat(policy.alwaysFails("cust-1001")).isFalse();
        assertThat(policy.alwaysFails("x-cust-fail-1")).isFalse();
    }

    @Test
    void shouldMatchAGlobAgainstTheWholeId() {
        FailurePolicy policy = policy("*-timeout", "vip-??");

        assertThat(policy.alwaysFails("cust-42-timeout")).isTrue();
        assertThat(policy.alwaysFails("cust-42-timeout-not")).isFalse();
        assertThat(policy.alwaysFails("vip-07")).isTrue();
        assertThat(policy.alwaysFails("vip-007")).isFalse();
    }

    @Test
    void shouldTakeEveryOtherCharacterOfAPatternLiterally() {
        FailurePolicy policy = policy("cust.1*", "a+b");

        assertThat(policy.alwaysFails("cust.1-9")).isTrue();
        assertThat(policy.alwaysFails("custX1-9")).isFalse();
        assertThat(policy.alwaysFails("a+b-1")).isTrue();
        assertThat(policy.alwaysFails("aab-1")).isFalse();
    }

    @Test
    void shouldIgnoreBlankPatternsSoAnEmptySettingFailsNobody() {
        FailurePolicy policy = new FailurePolicy(Arrays.asList("", "  ", null), 0.0, () -> 0.0);

        assertThat(policy.customerPatterns()).isEmpty();
        assertThat(policy.alwaysFails("cust-1")).isFalse();
        assertThat(FailurePolicy.never().alwaysFails("")).isFalse();
    }

    @Test
    void shouldNeverFailByChanceAtRateZeroAndAlwaysAtRateOne() {
        assertThat(new FailurePolicy(List.of(), 0.0, () -> 0.0).failsByChance()).isFalse();
        assertThat(new FailurePolicy(List.of(), 1.0, () -> 0.999).failsByChance()).isTrue();
    }

    @Test
    void shouldRejectARateOutsideZeroToOne() {
        assertThatThrownBy(() -> new FailurePolicy(List.of(), 1.5, () -> 0.0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new FailurePolicy(List.of(), -0.1, () -> 0.0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new FailurePolicy(List.of(), Double.NaN, () -> 0.0)).isInstanceOf(IllegalArgumentException.class);
    }

    private static FailurePolicy policy(String... patterns) {
        return new FailurePolicy(List.of(patterns), 0.0, () -> 0.0);
    }
}
