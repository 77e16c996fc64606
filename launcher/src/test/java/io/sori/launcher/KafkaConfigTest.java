package io.sori.launcher;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.HashSet;
import java.util.Properties;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class KafkaConfigTest {

    @TempDir
    Path data;

    private static Properties parse(String text) throws IOException {
        Properties p = new Properties();
        p.load(new StringReader(text));
        return p;
    }

    @Test
    void singleNodeKraftBrokerAndControllerOnLoopback() throws IOException {
        Properties p = parse(KafkaConfig.serverProperties(19092, 19093, KafkaConfig.logDir(data)));

        assertThat(p.getProperty("process.roles")).isEqualTo("broker,controller");
        assertThat(p.getProperty("node.id")).isEqualTo("1");
        assertThat(p.getProperty("controller.quorum.voters")).isEqualTo("1@127.0.0.1:19093");
        assertThat(p.getProperty("listeners")).isEqualTo("PLAINTEXT://127.0.0.1:19092,CONTROLLER://127.0.0.1:19093");
        assertThat(p.getProperty("advertised.listeners")).isEqualTo("PLAINTEXT://127.0.0.1:19092");
        assertThat(p.getProperty("controller.listener.names")).isEqualTo("CONTROLLER");
        assertThat(p.getProperty("listener.security.protocol.map")).contains("CONTROLLER:PLAINTEXT", "PLAINTEXT:PLAINTEXT");
    }

    @Test
    void everyReplicationFactorIsOne() throws IOException {
        Properties p = parse(KafkaConfig.serverProperties(9092, 9093, KafkaConfig.logDir(data)));

        assertThat(p.stringPropertyNames().stream().filter(k -> k.endsWith("replication.factor")))
                .containsExactlyInAnyOrder("default.replication.factor", "offsets.topic.replication.factor",
                        "transaction.state.log.replication.factor", "share.coordinator.state.topic.replication.factor");
        p.stringPropertyNames().stream()
                .filter(k -> k.endsWith("replication.factor") || k.endsWith("min.isr") || k.equals("min.insync.replicas"))
                .forEach(k -> assertThat(p.getProperty(k)).as(k).isEqualTo("1"));
    }

    @Test
    void logDirsLiveUnderTheDataDir() throws IOException {
        Properties p = parse(KafkaConfig.serverProperties(9092, 9093, KafkaConfig.logDir(data)));

        Path logDirs = Path.of(p.getProperty("log.dirs"));
        assertThat(logDirs.isAbsolute()).isTrue();
        assertThat(logDirs.startsWith(data.resolve("kafka"))).as(logDirs.toString()).isTrue();
        assertThat(KafkaConfig.propertiesFile(data)).isEqualTo(data.resolve("kafka").resolve("server.properties"));
    }

    @Test
    void storageCountsAsFormattedOnlyOnceMetaPropertiesExists() throws IOException {
        assertThat(KafkaConfig.isFormatted(data)).isFalse();

        Files.createDirectories(KafkaConfig.logDir(data));
        assertThat(KafkaConfig.isFormatted(data)).isFalse();

        Files.writeString(KafkaConfig.logDir(data).resolve("meta.properties"), "cluster.id=x\n");
        assertThat(KafkaConfig.isFormatted(data)).isTrue();
    }

    @Test
    void clusterIdsLookLikeKafkaUuids() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 500; i++) {
            String id = KafkaConfig.newClusterId();
            assertThat(id).hasSize(22).doesNotStartWith("-").matches("[A-Za-z0-9_-]+");
            assertThat(Base64.getUrlDecoder().decode(id)).hasSize(16);
            seen.add(id);
        }
        assertThat(seen).hasSize(500);
    }
}
