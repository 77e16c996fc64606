package io.sori.launcher;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StackOptionsTest {

    private static final Path HOME = Path.of("/opt/sori").toAbsolutePath();

    @Test
    void defaultsWhenOnlyHomeIsSet() {
        StackOptions o = StackOptions.fromEnvironment(Map.of("SORI_HOME", HOME.toString())).build();

        assertThat(o.home()).isEqualTo(HOME);
        assertThat(o.dataDir()).isEqualTo(HOME.resolve("data"));
        assertThat(o.logDir()).isEqualTo(HOME.resolve("logs"));
        assertThat(o.embeddedKafka()).isTrue();
        assertThat(o.embeddedMongo()).isTrue();
        assertThat(o.randomPorts()).isFalse();
        assertThat(o.javaOpts()).isEqualTo(StackOptions.DEFAULT_JAVA_OPTS).contains("-Xmx256m", "-XX:+UseSerialGC");
        assertThat(o.readyTimeout()).isEqualTo(Duration.ofSeconds(180));
        assertThat(o.services()).isEqualTo(ServiceSpec.SUITE);
    }

    @Test
    void everyVariableOverridesItsDefault() {
        StackOptions o = StackOptions.fromEnvironment(Map.of(
                "SORI_HOME", HOME.toString(),
                "SORI_DATA_DIR", "/var/sori/data",
                "SORI_LOG_DIR", "/var/log/sori",
                "SORI_KAFKA_BOOTSTRAP", "kafka-1:9092,kafka-2:9092",
                "SORI_MONGODB_URI", "mongodb://db:27017/?replicaSet=rs0",
                "SORI_JAVA_OPTS", "  -Xmx512m   -XX:+UseG1GC ",
                "SORI_READY_TIMEOUT_SECONDS", "45",
                "SORI_START_CONCURRENCY", "6",
                "SORI_CLASS_DATA_SHARING", "false")).build();

        assertThat(o.dataDir()).isEqualTo(Path.of("/var/sori/data").toAbsolutePath());
        assertThat(o.logDir()).isEqualTo(Path.of("/var/log/sori").toAbsolutePath());
        assertThat(o.kafkaBootstrap()).isEqualTo("kafka-1:9092,kafka-2:9092");
        assertThat(o.mongoUri()).isEqualTo("mongodb://db:27017/?replicaSet=rs0");
        assertThat(o.embeddedKafka()).isFalse();
        assertThat(o.embeddedMongo()).isFalse();
        assertThat(o.javaOpts()).containsExactly("-Xmx512m", "-XX:+UseG1GC");
        assertThat(o.readyTimeout()).isEqualTo(Duration.ofSeconds(45));
        assertThat(o.startConcurrency()).isEqualTo(6);
        assertThat(o.classDataSharing()).isFalse();
    }

    @Test
    void blankVariablesCountAsUnset() {
        StackOptions o = StackOptions.fromEnvironment(Map.of(
                "SORI_HOME", HOME.toString(), "SORI_KAFKA_BOOTSTRAP", " ", "SORI_JAVA_OPTS", "")).build();

        assertThat(o.embeddedKafka()).isTrue();
        assertThat(o.javaOpts()).isEqualTo(StackOptions.DEFAULT_JAVA_OPTS);
    }

    @Test
    void badNumbersAreRejectedWithTheVariableName() {
        assertThatThrownBy(() -> StackOptions.fromEnvironment(Map.of("SORI_READY_TIMEOUT_SECONDS", "soon")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("SORI_READY_TIMEOUT_SECONDS");
        assertThatThrownBy(() -> StackOptions.fromEnvironment(Map.of("SORI_START_CONCURRENCY", "0")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("SORI_START_CONCURRENCY");
    }

    @Test
    void builderResolvesRelativeDirectoriesAndKeepsExplicitOnes() {
        StackOptions o = StackOptions.builder().home(HOME).dataDir(Path.of("/tmp/x")).randomPorts(true)
                .javaOpts(List.of("-Xmx128m")).build();

        assertThat(o.dataDir()).isEqualTo(Path.of("/tmp/x").toAbsolutePath());
        assertThat(o.logDir()).isEqualTo(HOME.resolve("logs"));
        assertThat(o.randomPorts()).isTrue();
        assertThat(o.javaOpts()).containsExactly("-Xmx128m");
    }

    @Test
    void homeIsTwoLevelsAboveTheLauncherTargetDirectory() {
        Path cwd = Path.of("/somewhere/else").toAbsolutePath();
        Path root = Path.of("/work/sori").toAbsolutePath();

        assertThat(StackOptions.defaultHome(null, root.resolve("launcher/target/sori-launcher.jar"), cwd)).isEqualTo(root);
        assertThat(StackOptions.defaultHome(null, root.resolve("launcher/target/classes"), cwd)).isEqualTo(root);
        assertThat(StackOptions.defaultHome(null, Path.of("/home/u/.m2/repository/io/sori/launcher/0.1.0/launcher-0.1.0.jar"), cwd))
                .isEqualTo(cwd);
        assertThat(StackOptions.defaultHome(null, null, cwd)).isEqualTo(cwd);
        assertThat(StackOptions.defaultHome("/from/property", root.resolve("launcher/target/sori-launcher.jar"), cwd))
                .isEqualTo(Path.of("/from/property"));
    }

    @Test
    void rejectsNonsense() {
        assertThatThrownBy(() -> StackOptions.builder().home(HOME).startConcurrency(0).build())
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> StackOptions.builder().home(HOME).readyTimeout(Duration.ZERO).build())
                .isInstanceOf(IllegalArgumentException.class);
    }
}
