package io.sori.loadharness;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FaultVerdictTest {

    @Test
    void shouldCountAnswersOfAStatusClassOverTheLabelsItNames() {
        FaultVerdict v = verdict(Map.of("intake.chat", Map.of(200, 38L, 503, 2L),
                "intake.talk", Map.of(200, 39L, 504, 1L), "intake.email", Map.of(202, 40L, 500, 5L)));

        assertThat(v.answers("intake.chat", 5) + v.answers("intake.talk", 5)).isEqualTo(3);
        assertThat(v.answers("intake.", 2)).isEqualTo(117);
        assertThat(v.answers("kb.", 5)).isZero();
    }

    @Test
    void shouldCallOutboxesEmptyOnlyWhenEveryServiceWasReadAndHeldNothing() {
        assertThat(verdict(Map.of(), Map.of("channel-service", 0L, "ticket-service", 0L)).outboxesEmpty()).isTrue();
        assertThat(verdict(Map.of(), Map.of("channel-service", 0L, "ticket-service", 3L)).outboxesEmpty()).isFalse();
        // -1: the actuator did not answer, so nothing is known about that outbox
        assertThat(verdict(Map.of(), Map.of("channel-service", 0L, "kb-service", -1L)).outboxesEmpty()).isFalse();
        assertThat(verdict(Map.of(), Map.of()).outboxesEmpty()).isFalse();
    }

    private static FaultVerdict verdict(Map<String, Map<Integer, Long>> statuses) {
        return verdict(statuses, Map.of("ticket-service", 0L));
    }

    private static FaultVerdict verdict(Map<String, Map<Integer, Long>> statuses, Map<String, Long> outboxes) {
        return new FaultVerdict("restart-kafka", "kafka", 20, 10, 200, 200, 0, statuses, 200, 200, List.of(), List.of(),
                0, 0, outboxes, Map.of("ticket-service", 0L), 3.8, 8.8, 2.0, 13.5, 13.8, null);
    }
}
