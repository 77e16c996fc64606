package io.sori.ticket.sla;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sori.events.ticket.Priority;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class SlaPoliciesTest {

    private final SlaPolicies policies = new SlaPolicies(List.of(
            new SlaPolicies.Rule("LOAN_JEONSE", Priority.URGENT, Duration.ofMinutes(30), Duration.ofHours(9)),
            new SlaPolicies.Rule("LOAN_JEONSE", null, Duration.ofHours(4), Duration.ofHours(45)),
            new SlaPolicies.Rule(null, Priority.URGENT, Duration.ofMinutes(10), Duration.ofHours(4)),
            new SlaPolicies.Rule(null, null, Duration.ofHours(2), Duration.ofHours(72))));

    @Test
    void shouldTakeTheFirstRuleMatchingCategoryAndPriority() {
        assertThat(policies.targetsFor("LOAN_JEONSE", Priority.URGENT))
                .isEqualTo(new SlaPolicies.Targets(Duration.ofMinutes(30), Duration.ofHours(9)));
        assertThat(policies.targetsFor("LOAN_JEONSE", Priority.LOW).resolution()).isEqualTo(Duration.ofHours(45));
        assertThat(policies.targetsFor("CARD_LOSS", Priority.URGENT).firstResponse()).isEqualTo(Duration.ofMinutes(10));
        assertThat(policies.targetsFor("GENERAL", Priority.NORMAL).resolution()).isEqualTo(Duration.ofHours(72));
    }

    @Test
    void shouldRefuseATableThatLeavesAPriorityWithoutTargetsOrTargetsThatContradict() {
        assertThatThrownBy(() -> new SlaPolicies(List.of(
                new SlaPolicies.Rule(null, Priority.URGENT, Duration.ofMinutes(10), Duration.ofHours(4)))))
                .hasMessageContaining("HIGH");
        assertThatThrownBy(() -> new SlaPolicies.Rule(null, null, Duration.ofHours(5), Duration.ofHours(4)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SlaPolicies.Rule(null, null, Duration.ZERO, Duration.ofHours(4)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
