package io.sori.loadharness;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LatenciesTest {

    @Test
    void shouldKeepFailuresOutOfTheSuccessPercentilesButInTheErrorRate() {
        Latencies latencies = new Latencies();
        for (int i = 1; i <= 98; i++) {
            latencies.record("intake.chat", 200, i * 1000L);
        }
        latencies.record("intake.chat", 503, 5_000_000L);
        latencies.record("intake.email", Latencies.NO_RESPONSE, 15_000_000L);
        latencies.record("harness.not-sent", Latencies.NOT_SENT, 0);

        Latencies.Series intake = latencies.matching("intake.");
        assertThat(intake.count()).isEqualTo(100);
        assertThat(intake.successes()).isEqualTo(98);
        assertThat(intake.errorRate()).isEqualTo(0.02);
        assertThat(intake.okMillis(99)).isBetween(97.0, 99.0);
        assertThat(intake.allMillis(100)).isGreaterThan(14_000.0);
        assertThat(latencies.overall().statuses()).containsEntry(-1, 1L).containsEntry(0, 1L).containsEntry(503, 1L);
    }
}
