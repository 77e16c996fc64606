package io.sori.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * The whole suite as one object: a KRaft Kafka broker and a MongoDB-wire-compatible server (unless
 * external ones are given) and every service, each in its own JVM.
 *
 * <pre>{@code
 * try (SoriStack stack = SoriStack.start(StackOptions.builder().randomPorts(true).dataDir(tmp).build())) {
 *     URI gateway = stack.gatewayUrl();
 *     stack.restart("ticket-service");
 * }
 * }</pre>
 *
 * Process names are the module names plus {@code "kafka"} and {@code "mongo"}.
 */
public final class SoriStack implements AutoCloseable {

    public static final String KAFKA = PortPlan.KAFKA;
    public static final String MONGO = PortPlan.MONGO;

    /** Spring's graceful shutdown and Kafka's controlled shutdown both finish well within this. */
    private static final Duration STOP_GRACE = Duration.ofSeconds(20);
    private static final Duration KAFKA_FORMAT_TIMEOUT = Duration.ofSeconds(120);

    private final StackOptions options;
    private final PortPlan ports;
    private final String kafkaBootstrap;
    private final String mongoUri;
    private final ManagedProcess kafka;
    private final ManagedProcess mongo;
    private final Map<String, ManagedProcess> services = new LinkedHashMap<>();
    private final Map<String, Duration> readyAfter = new ConcurrentHashMap<>();
    private final List<String> killed = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final Readiness readiness = new Readiness();
    private final long startedAt = System.nanoTime();

    private final Object lock = new Object();
    private final Object closing = new Object();
    private boolean closed;
    private volatile Duration startupTime;
    private volatile Thread recorder;
    /** A caller that exits without close() (a killed test JVM, a forgotten try-with-resources) leaves no JVMs behind. */
    private final Thread stopOnExit = new Thread(this::close, "sori-stack-stop-on-exit");

    SoriStack(StackOptions options) {
        this.options = options;
        this.ports = PortPlan.of(options);
        Path home = options.home();
        Path data = options.dataDir();
        this.kafkaBootstrap = options.embeddedKafka()
                ? "127.0.0.1:" + ports.port(KAFKA) : options.kafkaBootstrap();
        this.mongoUri = options.embeddedMongo()
                ? "mongodb://127.0.0.1:" + ports.port(MONGO) : options.mongoUri();
        this.kafka = options.embeddedKafka()
                ? child(KAFKA, sharing(KAFKA, ChildCommands.kafkaBroker(home, KafkaConfig.propertiesFile(data))))
                : null;
        this.mongo = options.embeddedMongo()
                ? child(MONGO, sharing(MONGO, ChildCommands.mongo(home, ports.port(MONGO), mongoFile(data))))
                : null;
        for (ServiceSpec spec : options.services()) {
            Supplier<List<String>> command = options.classDataSharing()
                    ? () -> ChildCommands.service(spec, home, options.javaOpts(), ClassDataSharing.launch(spec, home))
                    : () -> ChildCommands.service(spec, home, options.javaOpts());
            services.put(spec.module(), new ManagedProcess(spec.module(), command,
                    ChildCommands.serviceEnvironment(spec, options.services(), ports, kafkaBootstrap, mongoUri),
                    home, options.logDir().resolve(spec.module() + ".log")));
        }
    }

    /** Starts everything and returns once every service answers ready; on failure stops what it started and throws. */
    public static SoriStack start(StackOptions options) {
        SoriStack stack = new SoriStack(options);
        stack.boot();
        return stack;
    }

    void boot() {
        Runtime.getRuntime().addShutdownHook(stopOnExit);
        try {
            checkPrerequisites();
            prepareDirectories();
            if (mongo != null) {
                say("%-22s starting on 127.0.0.1:%d, data in %s", MONGO, ports.port(MONGO), mongoFile(options.dataDir()));
                launch(mongo);
            }
            if (kafka != null) {
                prepareKafka();
                say("%-22s starting on %s, data in %s", KAFKA, kafkaBootstrap, KafkaConfig.logDir(options.dataDir()));
                launch(kafka);
            }
            if (mongo != null) {
                awaitReady(MONGO);
            }
            if (kafka != null) {
                awaitReady(KAFKA);
            }
            startServices();
            startupTime = elapsed();
            recordClassArchives();
        } catch (RuntimeException | InterruptedException e) {
            boolean stoppedByOthers = isClosed();
            close();
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            if (stoppedByOthers) {
                throw new StackException("the stack was stopped while starting", e);
            }
            throw e instanceof StackException se ? se : new StackException("could not start the stack: " + e, e);
        }
    }

    public URI gatewayUrl() {
        return URI.create("http://localhost:" + port(ServiceSpec.GATEWAY));
    }

    /** The port of a service, of {@code "kafka"} or {@code "mongo"} (only when the stack runs them). */
    public int port(String process) {
        return ports.port(process);
    }

    public String kafkaBootstrap() {
        return kafkaBootstrap;
    }

    public String mongoUri() {
        return mongoUri;
    }

    public Path logFile(String process) {
        return processNamed(process).logFile();
    }

    public StackOptions options() {
        return options;
    }

    /** Time from {@link #start} until the last service was ready. */
    public Duration startupTime() {
        return startupTime;
    }

    /** When each process became ready, counted from the start of the stack. */
    public Map<String, Duration> readyTimes() {
        return orderedByProcess(readyAfter);
    }

    /** Waits until the class archives of a first start are written (see {@link ClassDataSharing}). */
    public void awaitClassArchives(Duration timeout) throws InterruptedException {
        Thread t = recorder;
        if (t != null) {
            t.join(timeout.toMillis());
        }
    }

    /** Names of every child process, in start order. */
    public List<String> processNames() {
        return allProcesses().stream().map(ManagedProcess::name).toList();
    }

    public boolean isRunning(String process) {
        return processNamed(process).isAlive();
    }

    public long pid(String process) {
        return processNamed(process).pid();
    }

    /** Resident memory (VmRSS, KiB) of every running child process, in start order; empty off Linux. */
    public Map<String, Long> residentMemoryKb() {
        Map<String, Long> rss = new LinkedHashMap<>();
        for (ManagedProcess p : allProcesses()) {
            long kb = p.rssKb();
            if (kb >= 0) {
                rss.put(p.name(), kb);
            }
        }
        return rss;
    }

    /**
     * Waits until every service answers ready on its own port (after a fault, say); throws a
     * {@link StackException} when one is not within {@code atMost}, or its process has exited.
     */
    public void awaitServicesReady(Duration atMost) throws InterruptedException {
        long deadline = System.nanoTime() + atMost.toNanos();
        for (ServiceSpec spec : options.services()) {
            Duration left = Duration.ofNanos(Math.max(1, deadline - System.nanoTime()));
            readiness.awaitHttp200(processNamed(spec.module()), readinessUri(spec.module()), left);
        }
    }

    private URI readinessUri(String service) {
        String path = options.services().stream().filter(s -> s.module().equals(service)).findFirst()
                .map(ServiceSpec::readinessPath).orElse(ServiceSpec.READINESS_PATH);
        return URI.create("http://127.0.0.1:" + ports.port(service) + path);
    }

    /** Stops one process (SIGTERM, then a kill after 20 s), e.g. to test how the others cope. */
    public void stop(String process) {
        stopTogether(List.of(processNamed(process)));
    }

    /** Stops the process if it runs, starts it again on the same port and returns once it is ready. */
    public void restart(String process) {
        ManagedProcess p = processNamed(process);
        if (p.isAlive()) {
            stop(process);
        }
        try {
            launch(p);
            awaitReady(process);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StackException("interrupted while restarting " + process, e);
        }
    }

    /** Stops the services first, then Kafka, then Mongo, so nothing loses its broker or store while still working. */
    @Override
    public void close() {
        synchronized (closing) {
            synchronized (lock) {
                if (closed) {
                    return;
                }
                closed = true;
            }
            List<ManagedProcess> running = new ArrayList<>(services.values());
            Collections.reverse(running);
            stopTogether(running);
            if (kafka != null) {
                stopTogether(List.of(kafka));
            }
            if (mongo != null) {
                stopTogether(List.of(mongo));
            }
            try {
                Runtime.getRuntime().removeShutdownHook(stopOnExit);
            } catch (IllegalStateException | IllegalArgumentException alreadyShuttingDownOrNeverBooted) {
                // nothing to undo
            }
        }
    }

    /** Processes that ignored SIGTERM for the whole grace period and had to be killed. */
    List<String> killedOnStop() {
        return List.copyOf(killed);
    }

    boolean isClosed() {
        synchronized (lock) {
            return closed;
        }
    }

    private void stopTogether(List<ManagedProcess> processes) {
        List<ManagedProcess> alive = processes.stream().filter(ManagedProcess::isAlive).toList();
        if (alive.isEmpty()) {
            return;
        }
        alive.forEach(ManagedProcess::requestStop);
        long deadline = System.nanoTime() + STOP_GRACE.toNanos();
        for (ManagedProcess p : alive) {
            boolean clean = p.awaitStop(deadline);
            if (!clean) {
                killed.add(p.name());
            }
            say("%-22s stopped%s", p.name(), clean ? "" : " (killed after " + STOP_GRACE.toSeconds() + " s)");
        }
    }

    private void checkPrerequisites() {
        List<Path> missing = ChildCommands.missingFiles(options.home(), options.services(),
                options.embeddedKafka() || options.embeddedMongo());
        if (!missing.isEmpty()) {
            throw new StackException("not built yet (run ./mvnw -DskipTests package in " + options.home() + "); missing: "
                    + missing.stream().map(Path::toString).collect(Collectors.joining(", ")));
        }
        if (!options.randomPorts()) {
            Map<String, Integer> busy = ports.busy();
            if (!busy.isEmpty()) {
                throw new StackException("ports already in use: " + busy.entrySet().stream()
                        .map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(", "))
                        + ". Is Sori already running? Stop it first, or point SORI_KAFKA_BOOTSTRAP /"
                        + " SORI_MONGODB_URI at a Kafka / MongoDB that already runs.");
            }
        }
    }

    /** Keeps the previous run's logs one generation back, so a crash before a restart is still readable. */
    private void prepareDirectories() {
        try {
            Files.createDirectories(options.dataDir());
            Files.createDirectories(options.logDir());
            for (ManagedProcess p : allProcesses()) {
                Path log = p.logFile();
                if (Files.exists(log)) {
                    Files.move(log, log.resolveSibling(p.name() + ".previous.log"), StandardCopyOption.REPLACE_EXISTING);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void prepareKafka() throws InterruptedException {
        Path data = options.dataDir();
        Path props = KafkaConfig.propertiesFile(data);
        try {
            Files.createDirectories(KafkaConfig.logDir(data));
            // rewritten every time: ports may differ from the last run, the log dir and cluster stay
            Files.writeString(props, KafkaConfig.serverProperties(ports.port(KAFKA),
                    ports.port(PortPlan.KAFKA_CONTROLLER), KafkaConfig.logDir(data)), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (KafkaConfig.isFormatted(data)) {
            return;
        }
        say("%-22s formatting new storage in %s", KAFKA, KafkaConfig.logDir(data));
        ManagedProcess format = child(KAFKA,
                ChildCommands.kafkaFormat(options.home(), KafkaConfig.newClusterId(), props), Map.of());
        launch(format);
        if (!format.awaitStop(System.nanoTime() + KAFKA_FORMAT_TIMEOUT.toNanos()) || !KafkaConfig.isFormatted(data)) {
            throw new StackException("formatting Kafka storage failed (" + format.exitDescription() + ")", format);
        }
    }

    private void startServices() throws InterruptedException {
        if (services.isEmpty()) {
            return;
        }
        AtomicInteger n = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(options.startConcurrency(), r -> {
            Thread t = new Thread(r, "sori-start-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        try {
            ExecutorCompletionService<String> done = new ExecutorCompletionService<>(pool);
            for (String name : services.keySet()) {
                done.submit(() -> {
                    launch(services.get(name));
                    say("%-22s starting on :%d", name, ports.port(name));
                    awaitReady(name);
                    return name;
                });
            }
            for (int i = 0; i < services.size(); i++) {
                try {
                    done.take().get();
                } catch (ExecutionException e) {
                    Throwable cause = e.getCause();
                    if (cause instanceof RuntimeException re) {
                        throw re;
                    }
                    throw new StackException(String.valueOf(cause), cause);
                }
            }
        } finally {
            pool.shutdownNow();
            pool.awaitTermination(5, TimeUnit.SECONDS);
        }
    }

    private void awaitReady(String name) throws InterruptedException {
        ManagedProcess p = processNamed(name);
        long from = System.nanoTime();
        if (p == kafka || p == mongo) {
            readiness.awaitPort(p, ports.port(name), options.readyTimeout());
        } else {
            readiness.awaitHttp200(p, readinessUri(name), options.readyTimeout());
        }
        Duration took = Duration.ofNanos(System.nanoTime() - from);
        readyAfter.put(name, elapsed());
        say("%-22s ready on :%d in %.1f s", name, ports.port(name), took.toMillis() / 1000.0);
    }

    /**
     * After the first start of a build, in the background once everything is ready (so it takes no CPU
     * from starting): each service writes the classes it loaded, for the next start to map.
     */
    private void recordClassArchives() {
        if (!options.classDataSharing()) {
            return;
        }
        List<ServiceSpec> missing = options.services().stream()
                .filter(spec -> !Files.isRegularFile(ClassDataSharing.archiveOf(spec, options.home()))).toList();
        if (missing.isEmpty()) {
            return;
        }
        recorder = new Thread(() -> {
            for (ServiceSpec spec : missing) {
                ManagedProcess p = services.get(spec.module());
                try {
                    if (!isClosed() && p.isAlive()
                            && ClassDataSharing.record(p.pid(), ClassDataSharing.archiveOf(spec, options.home()))) {
                        say("%-22s class archive recorded for faster starts", spec.module());
                    }
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "sori-class-archives");
        recorder.setDaemon(true);
        recorder.start();
    }

    /** Starts a child unless the stack is closing: a process started after close() would outlive it. */
    private void launch(ManagedProcess p) {
        synchronized (lock) {
            if (closed) {
                throw new StackException("the stack is stopped; not starting " + p.name());
            }
            try {
                p.start();
            } catch (IOException e) {
                throw new StackException("could not start " + p.name() + ": " + e.getMessage(), e);
            }
        }
    }

    /** Kafka or the store, with their class archive unless class data sharing is off; chosen at each start. */
    private Supplier<List<String>> sharing(String process, List<String> command) {
        return options.classDataSharing()
                ? () -> ClassDataSharing.withFlags(command, ClassDataSharing.forLauncherProcess(options.home(), process))
                : () -> command;
    }

    private ManagedProcess child(String name, Supplier<List<String>> command) {
        return new ManagedProcess(name, command, Map.of(), options.home(), options.logDir().resolve(name + ".log"));
    }

    private ManagedProcess child(String name, List<String> command, Map<String, String> env) {
        return new ManagedProcess(name, command, env, options.home(), options.logDir().resolve(name + ".log"));
    }

    private ManagedProcess processNamed(String name) {
        if (kafka != null && KAFKA.equals(name)) {
            return kafka;
        }
        if (mongo != null && MONGO.equals(name)) {
            return mongo;
        }
        ManagedProcess p = services.get(name);
        if (p == null) {
            throw new IllegalArgumentException("no process '" + name + "' in this stack; known: " + processNames());
        }
        return p;
    }

    private List<ManagedProcess> allProcesses() {
        List<ManagedProcess> all = new ArrayList<>();
        if (mongo != null) {
            all.add(mongo);
        }
        if (kafka != null) {
            all.add(kafka);
        }
        all.addAll(services.values());
        return all;
    }

    private <V> Map<String, V> orderedByProcess(Map<String, V> values) {
        Map<String, V> ordered = new LinkedHashMap<>();
        for (String name : processNames()) {
            if (values.containsKey(name)) {
                ordered.put(name, values.get(name));
            }
        }
        return ordered;
    }

    private Duration elapsed() {
        return Duration.ofNanos(System.nanoTime() - startedAt);
    }

    private void say(String format, Object... args) {
        options.progress().accept("[sori] " + String.format(java.util.Locale.ROOT, format, args));
    }

    static Path mongoFile(Path dataDir) {
        return dataDir.resolve("mongo").resolve("sori.mv");
    }
}
