package io.sori.launcher;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * How to start the stack. Build one with {@link #builder()} or, as the launcher does, from the
 * {@code SORI_*} environment with {@link #fromEnvironment(Map)}.
 *
 * @param home             project root: service jars live at {@code <home>/<module>/target/<module>.jar}
 * @param dataDir          Kafka log dir and the Mongo H2 file; kept across restarts
 * @param logDir           one {@code <process>.log} per child process
 * @param randomPorts      pick free ports for everything instead of 8080-8085 / 9092 / 27017
 * @param kafkaBootstrap   an existing Kafka to use instead of starting a broker, or {@code null}
 * @param mongoUri         an existing MongoDB to use instead of starting one, or {@code null}
 * @param javaOpts         JVM options for every service process
 * @param readyTimeout     how long one process may take to become ready
 * @param startConcurrency how many services may be starting at the same time
 * @param classDataSharing run each service from its extracted jar with a class archive ({@link ClassDataSharing})
 * @param services         the services to run, in start order
 * @param progress         receives one line per milestone (process started, ready, stopped)
 */
public record StackOptions(
        Path home,
        Path dataDir,
        Path logDir,
        boolean randomPorts,
        String kafkaBootstrap,
        String mongoUri,
        List<String> javaOpts,
        Duration readyTimeout,
        int startConcurrency,
        boolean classDataSharing,
        List<ServiceSpec> services,
        Consumer<String> progress) {

    /** Measured on 2 cores: about half the startup CPU and RSS of JVM defaults for a WebFlux service. */
    public static final List<String> DEFAULT_JAVA_OPTS = List.of(
            "-XX:+UseSerialGC", "-Xms64m", "-Xmx256m", "-Xss512k", "-XX:MaxMetaspaceSize=192m",
            "-XX:ReservedCodeCacheSize=64m", "-XX:TieredStopAtLevel=1", "-XX:CICompilerCount=1");

    public static final Duration DEFAULT_READY_TIMEOUT = Duration.ofSeconds(180);

    /** See docs/benchmarks.md: on 2 cores all at once is no faster in total and makes every service wait for the slowest. */
    public static final int DEFAULT_START_CONCURRENCY = 3;

    public StackOptions {
        Objects.requireNonNull(home, "home");
        Objects.requireNonNull(dataDir, "dataDir");
        Objects.requireNonNull(logDir, "logDir");
        javaOpts = List.copyOf(javaOpts);
        services = List.copyOf(services);
        Objects.requireNonNull(readyTimeout, "readyTimeout");
        Objects.requireNonNull(progress, "progress");
        if (startConcurrency < 1) {
            throw new IllegalArgumentException("startConcurrency must be at least 1: " + startConcurrency);
        }
        if (readyTimeout.isNegative() || readyTimeout.isZero()) {
            throw new IllegalArgumentException("readyTimeout must be positive: " + readyTimeout);
        }
    }

    public boolean embeddedKafka() {
        return kafkaBootstrap == null;
    }

    public boolean embeddedMongo() {
        return mongoUri == null;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The launcher's configuration: every {@code SORI_*} variable that is set and not blank wins over the defaults. */
    public static Builder fromEnvironment(Map<String, String> env) {
        Builder b = builder();
        value(env, "SORI_HOME").ifPresent(v -> b.home(Path.of(v)));
        value(env, "SORI_DATA_DIR").ifPresent(v -> b.dataDir(Path.of(v)));
        value(env, "SORI_LOG_DIR").ifPresent(v -> b.logDir(Path.of(v)));
        value(env, "SORI_KAFKA_BOOTSTRAP").ifPresent(b::kafkaBootstrap);
        value(env, "SORI_MONGODB_URI").ifPresent(b::mongoUri);
        value(env, "SORI_JAVA_OPTS").ifPresent(v -> b.javaOpts(Arrays.asList(v.trim().split("\\s+"))));
        value(env, "SORI_READY_TIMEOUT_SECONDS")
                .ifPresent(v -> b.readyTimeout(Duration.ofSeconds(positiveInt("SORI_READY_TIMEOUT_SECONDS", v))));
        value(env, "SORI_START_CONCURRENCY")
                .ifPresent(v -> b.startConcurrency(positiveInt("SORI_START_CONCURRENCY", v)));
        value(env, "SORI_CLASS_DATA_SHARING").ifPresent(v -> b.classDataSharing(!v.equalsIgnoreCase("false")));
        return b;
    }

    private static java.util.Optional<String> value(Map<String, String> env, String name) {
        String v = env.get(name);
        return v == null || v.isBlank() ? java.util.Optional.empty() : java.util.Optional.of(v.trim());
    }

    private static int positiveInt(String name, String value) {
        try {
            int n = Integer.parseInt(value);
            if (n > 0) {
                return n;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw new IllegalArgumentException(name + " must be a positive whole number, was '" + value + "'");
    }

    /**
     * The project root when none is given: the {@code sori.home} system property (set by the e2e build),
     * else two levels above {@code launcher/target} when this class was loaded from there, else the current directory.
     */
    static Path defaultHome(String homeProperty, Path codeSource, Path cwd) {
        if (homeProperty != null && !homeProperty.isBlank()) {
            return Path.of(homeProperty);
        }
        if (codeSource != null) {
            Path target = codeSource.toAbsolutePath().normalize().getParent();
            if (target != null && target.getParent() != null
                    && "target".equals(String.valueOf(target.getFileName()))
                    && "launcher".equals(String.valueOf(target.getParent().getFileName()))
                    && target.getParent().getParent() != null) {
                return target.getParent().getParent();
            }
        }
        return cwd;
    }

    private static Path codeSource() {
        try {
            var source = StackOptions.class.getProtectionDomain().getCodeSource();
            return source == null ? null : Path.of(source.getLocation().toURI());
        } catch (URISyntaxException | SecurityException | IllegalArgumentException e) {
            return null;
        }
    }

    public static final class Builder {
        private Path home;
        private Path dataDir;
        private Path logDir;
        private boolean randomPorts;
        private String kafkaBootstrap;
        private String mongoUri;
        private List<String> javaOpts = DEFAULT_JAVA_OPTS;
        private Duration readyTimeout = DEFAULT_READY_TIMEOUT;
        private int startConcurrency = DEFAULT_START_CONCURRENCY;
        private boolean classDataSharing = true;
        private List<ServiceSpec> services = ServiceSpec.SUITE;
        private Consumer<String> progress = System.out::println;

        private Builder() {
        }

        public Builder home(Path home) { this.home = home; return this; }
        public Builder dataDir(Path dataDir) { this.dataDir = dataDir; return this; }
        public Builder logDir(Path logDir) { this.logDir = logDir; return this; }
        public Builder randomPorts(boolean randomPorts) { this.randomPorts = randomPorts; return this; }
        public Builder kafkaBootstrap(String kafkaBootstrap) { this.kafkaBootstrap = kafkaBootstrap; return this; }
        public Builder mongoUri(String mongoUri) { this.mongoUri = mongoUri; return this; }
        public Builder javaOpts(List<String> javaOpts) { this.javaOpts = javaOpts; return this; }
        public Builder readyTimeout(Duration readyTimeout) { this.readyTimeout = readyTimeout; return this; }
        public Builder startConcurrency(int startConcurrency) { this.startConcurrency = startConcurrency; return this; }
        public Builder classDataSharing(boolean classDataSharing) { this.classDataSharing = classDataSharing; return this; }
        public Builder services(List<ServiceSpec> services) { this.services = services; return this; }
        public Builder progress(Consumer<String> progress) { this.progress = progress; return this; }

        public StackOptions build() {
            Path h = (home != null ? home
                    : defaultHome(System.getProperty("sori.home"), codeSource(), Path.of("")))
                    .toAbsolutePath().normalize();
            Path data = (dataDir != null ? dataDir : h.resolve("data")).toAbsolutePath().normalize();
            Path logs = (logDir != null ? logDir : h.resolve("logs")).toAbsolutePath().normalize();
            return new StackOptions(h, data, logs, randomPorts, kafkaBootstrap, mongoUri, javaOpts,
                    readyTimeout, startConcurrency, classDataSharing, services, progress);
        }
    }
}
