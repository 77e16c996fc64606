package io.sori.launcher;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.PrimitiveIterator;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PortPlanTest {

    private static StackOptions.Builder options() {
        return StackOptions.builder().home(Path.of("/opt/sori"));
    }

    @Test
    void fixedPortsByDefault() {
        PortPlan ports = PortPlan.of(options().build(), () -> {
            throw new AssertionError("no free-port lookups for fixed ports");
        });

        assertThat(ports.port("gateway")).isEqualTo(8080);
        assertThat(ports.port("channel-service")).isEqualTo(8081);
        assertThat(ports.port("ticket-service")).isEqualTo(8082);
        assertThat(ports.port("kb-service")).isEqualTo(8083);
        assertThat(ports.port("survey-service")).isEqualTo(8084);
        assertThat(ports.port("blocklist-service")).isEqualTo(8085);
        assertThat(ports.port("core-banking-simulator")).isEqualTo(8086);
        assertThat(ports.port("gateway-management")).isEqualTo(8090);
        assertThat(ports.port("kafka")).isEqualTo(9092);
        assertThat(ports.port("kafka-controller")).isEqualTo(9093);
        assertThat(ports.port("mongo")).isEqualTo(27017);
    }

    @Test
    void randomPortsAreDistinctEvenWhenTheOsRepeatsItself() {
        // 40000, 40000, 40001, 40001, ...: every port handed out twice in a row
        PrimitiveIterator.OfInt repeating = IntStream.iterate(0, i -> i + 1).map(i -> 40000 + i / 2).iterator();

        PortPlan ports = PortPlan.of(options().randomPorts(true).build(), repeating::nextInt);

        assertThat(ports.asMap()).hasSize(11);
        assertThat(new HashSet<>(ports.asMap().values())).hasSize(11);
        assertThat(ports.asMap().values()).allMatch(p -> p >= 40000 && p < 40011);
    }

    @Test
    void realFreePortsWork() {
        PortPlan ports = PortPlan.of(options().randomPorts(true).build());

        assertThat(new HashSet<>(ports.asMap().values())).hasSize(ports.asMap().size());
        assertThat(ports.asMap().values()).allMatch(p -> p > 0 && p < 65536 && p != 8080);
    }

    @Test
    void externalKafkaAndMongoGetNoPort() {
        PortPlan ports = PortPlan.of(options().kafkaBootstrap("k:9092").mongoUri("mongodb://m").build());

        assertThat(ports.has("kafka")).isFalse();
        assertThat(ports.has("kafka-controller")).isFalse();
        assertThat(ports.has("mongo")).isFalse();
        assertThat(ports.port("gateway")).isEqualTo(8080);
        assertThatThrownBy(() -> ports.port("kafka")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("kafka");
    }
}
