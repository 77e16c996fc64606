package io.sori.loadharness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class OptionsTest {

    @Test
    void shouldReadTheDocumentedCommand() {
        Options o = Options.parse("--start", "--scenario", "intake", "--rate", "1500", "--duration", "60s",
                "--fault", "restart-kafka", "--fault-down", "15s");

        assertThat(o.start()).isTrue();
        assertThat(o.rate()).isEqualTo(1500);
        assertThat(o.duration()).isEqualTo(Duration.ofSeconds(60));
        assertThat(o.fault()).isEqualTo(Fault.RESTART_KAFKA);
        assertThat(o.fault().process()).isEqualTo("kafka");
        assertThat(o.faultAt()).isEqualTo(Duration.ofSeconds(20));
        assertThat(o.faultDown()).isEqualTo(Duration.ofSeconds(15));
    }

    @Test
    void shouldTakeTheServicesFromTheGatewaysHostAndAllowNoKafka() {
        Options o = Options.parse("--url", "http://sori.internal:8080/", "--kafka", "none", "--duration", "2m");

        assertThat(o.url().toString()).isEqualTo("http://sori.internal:8080");
        assertThat(o.serviceHost()).isEqualTo("sori.internal");
        assertThat(o.kafka()).isNull();
        assertThat(o.duration()).isEqualTo(Duration.ofMinutes(2));
    }

    @Test
    void shouldRefuseAFaultWithoutAStackToStopOrOnReadsOnly() {
        assertThatThrownBy(() -> Options.parse("--fault", "stop-kb-service"))
                .hasMessageContaining("--fault needs --start");
        assertThatThrownBy(() -> Options.parse("--start", "--scenario", "kb", "--fault", "stop-kb-service"))
                .hasMessageContaining("intake or mixed");
        assertThatThrownBy(() -> Options.parse("--start", "--fault", "stop-everything"))
                .hasMessageContaining("stop-ticket-service");
    }

    @Test
    void shouldNameTheOptionThatIsWrong() {
        assertThatThrownBy(() -> Options.parse("--rate", "0")).hasMessageContaining("--rate");
        assertThatThrownBy(() -> Options.parse("--duration", "soon")).hasMessageContaining("--duration");
        assertThatThrownBy(() -> Options.parse("--scenario", "payday")).hasMessageContaining("--scenario");
        assertThatThrownBy(() -> Options.parse("--rate")).hasMessageContaining("needs a value");
    }
}
