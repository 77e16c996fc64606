package io.sori.launcher;

import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.UUID;

/** The single-node KRaft broker's configuration and storage layout under {@code <data>/kafka}. */
final class KafkaConfig {

    private KafkaConfig() {
    }

    static Path baseDir(Path dataDir) {
        return dataDir.resolve("kafka");
    }

    static Path logDir(Path dataDir) {
        return baseDir(dataDir).resolve("log");
    }

    static Path propertiesFile(Path dataDir) {
        return baseDir(dataDir).resolve("server.properties");
    }

    /** {@code StorageTool format} writes meta.properties; its presence means the data must be kept. */
    static boolean isFormatted(Path dataDir) {
        return Files.isRegularFile(logDir(dataDir).resolve("meta.properties"));
    }

    static String serverProperties(int port, int controllerPort, Path logDir) {
        String dir = logDir.toAbsolutePath().toString().replace("\\", "/");
        return String.join("\n",
                "# Written by the Sori launcher at every start; edit the launcher, not this file.",
                "process.roles=broker,controller",
                "node.id=1",
                "controller.quorum.voters=1@127.0.0.1:" + controllerPort,
                "listeners=PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort,
                "advertised.listeners=PLAINTEXT://127.0.0.1:" + port,
                "listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT",
                "inter.broker.listener.name=PLAINTEXT",
                "controller.listener.names=CONTROLLER",
                "log.dirs=" + dir,
                "# one broker: every replication factor and min ISR is 1",
                "default.replication.factor=1",
                "min.insync.replicas=1",
                "offsets.topic.replication.factor=1",
                "transaction.state.log.replication.factor=1",
                "transaction.state.log.min.isr=1",
                "share.coordinator.state.topic.replication.factor=1",
                "share.coordinator.state.topic.min.isr=1",
                "# fewer internal partitions and no join delay: services' consumer groups form in a second",
                "offsets.topic.num.partitions=5",
                "transaction.state.log.num.partitions=5",
                "group.initial.rebalance.delay.ms=0",
                "# a development broker on a small machine",
                "num.network.threads=2",
                "num.io.threads=4",
                "log.cleaner.threads=1",
                "")
                ;
    }

    /**
     * A cluster id in the form {@code StorageTool random-uuid} prints (16 random bytes, URL-safe base64,
     * never starting with '-'), made here to save one JVM start on the first run.
     */
    static String newClusterId() {
        while (true) {
            UUID uuid = UUID.randomUUID();
            ByteBuffer bytes = ByteBuffer.allocate(16)
                    .putLong(uuid.getMostSignificantBits())
                    .putLong(uuid.getLeastSignificantBits());
            String id = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes.array());
            if (!id.startsWith("-")) {
                return id;
            }
        }
    }
}
