package io.sori.loadharness;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class OutboxesTest {

    @Test
    void shouldAddEverySampleOfTheMetricAndNoOtherMetric() {
        String exposition = """
                # HELP sori_outbox_pending Events written but not yet published
                # TYPE sori_outbox_pending gauge
                sori_outbox_pending{collection="tickets"} 3.0
                sori_outbox_pending{collection="agents"} 1.0
                sori_outbox_pending_oldest_seconds 12.0
                sori_outbox_published_total 9000.0
                """;

        assertThat(Outboxes.sum(exposition, "sori_outbox_pending")).isEqualTo(4);
    }

    @Test
    void shouldSayWhenTheMetricIsAbsent() {
        assertThat(Outboxes.sum("jvm_threads_live_threads 40.0\n", "sori_outbox_pending")).isEqualTo(-1);
        assertThat(Outboxes.sum("sori_outbox_pending 0.0\n", "sori_outbox_pending")).isZero();
    }
}
