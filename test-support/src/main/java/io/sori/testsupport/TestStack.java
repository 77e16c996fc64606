package io.sori.testsupport;

import de.bwaldvogel.mongo.MongoServer;
import io.sori.embeddedstore.EmbeddedStores;
import java.net.InetSocketAddress;
import java.util.Map;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.mongodb.MongoDBContainer;

/**
 * The one Kafka broker and the one MongoDB-compatible server of a test JVM, reached over
 * real sockets. Which ones is chosen by the system property {@code sori.test.backend}:
 * {@code embedded} (a KRaft broker from the Kafka jars and mongo-java-server) or
 * {@code containers} (Testcontainers' Kafka and MongoDB, where a Docker engine runs).
 */
public final class TestStack {

    public static final String BACKEND_PROPERTY = "sori.test.backend";

    private static volatile TestStack instance;

    private final String kafkaBootstrap;
    private final String mongoUri;

    private TestStack(String kafkaBootstrap, String mongoUri) {
        this.kafkaBootstrap = kafkaBootstrap;
        this.mongoUri = mongoUri;
    }

    public static String backend() {
        return System.getProperty(BACKEND_PROPERTY, "embedded");
    }

    public static boolean usesContainers() {
        return "containers".equals(backend());
    }

    /** True when the chosen backend can run on this machine. */
    public static boolean available() {
        return !usesContainers() || DockerClientFactory.instance().isDockerAvailable();
    }

    public static TestStack get() {
        TestStack stack = instance;
        if (stack == null) {
            synchronized (TestStack.class) {
                stack = instance;
                if (stack == null) {
                    stack = usesContainers() ? startContainers() : startEmbedded();
                    instance = stack;
                }
            }
        }
        return stack;
    }

    public String kafkaBootstrap() {
        return kafkaBootstrap;
    }

    /** A connection string without a database: each service names its own. */
    public String mongoUri() {
        return mongoUri;
    }

    private static TestStack startEmbedded() {
        EmbeddedKafkaKraftBroker kafka = new EmbeddedKafkaKraftBroker(1, 3);
        kafka.brokerProperties(Map.of(
                "auto.create.topics.enable", "true",
                "group.initial.rebalance.delay.ms", "0",
                "transaction.state.log.replication.factor", "1",
                "transaction.state.log.min.isr", "1"));
        kafka.afterPropertiesSet();

        MongoServer mongo = new MongoServer(EmbeddedStores.inMemory());
        InetSocketAddress address = mongo.bind(); // loopback, a free port

        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            mongo.shutdownNow();
            kafka.destroy();
        }, "test-stack-shutdown"));
        return new TestStack(kafka.getBrokersAsString(),
                "mongodb://127.0.0.1:" + address.getPort());
    }

    @SuppressWarnings("resource") // stopped by Testcontainers' Ryuk when the JVM ends
    private static TestStack startContainers() {
        KafkaContainer kafka = new KafkaContainer("apache/kafka:4.1.1");
        MongoDBContainer mongo = new MongoDBContainer("mongo:8.0");
        kafka.start();
        mongo.start();
        return new TestStack(kafka.getBootstrapServers(), mongo.getConnectionString());
    }
}
