package io.sori.launcher;

import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * {@code ./sori}: starts the whole suite on this machine and keeps it running until Ctrl-C.
 * Configured only through the {@code SORI_*} environment (see {@link StackOptions#fromEnvironment}).
 */
public final class SoriLauncher {

    private SoriLauncher() {
    }

    public static void main(String[] args) throws InterruptedException {
        if (args.length > 0) {
            boolean help = args[0].equals("--help") || args[0].equals("-h");
            if (!help) {
                System.err.println("sori: unknown argument " + args[0]);
            }
            (help ? System.out : System.err).println(usage());
            System.exit(help ? 0 : 2);
        }
        StackOptions options;
        try {
            options = StackOptions.fromEnvironment(System.getenv()).build();
        } catch (IllegalArgumentException e) {
            System.err.println("sori: " + e.getMessage());
            System.exit(2);
            return;
        }

        SoriStack stack = new SoriStack(options);
        AtomicBoolean failed = new AtomicBoolean();
        // registered before anything starts: Ctrl-C or SIGTERM during startup must not leave children behind
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            if (failed.get()) {
                return; // boot() has already stopped everything and said why
            }
            System.out.println("[sori] stopping: services first, then Kafka, then MongoDB");
            stack.close(); // returns once every child is gone, also when the stack's own exit hook got there first
            System.out.println("[sori] stopped");
        }, "sori-shutdown"));

        try {
            stack.boot();
        } catch (StackException e) {
            failed.set(true);
            System.err.println();
            System.err.println("sori: " + e.getMessage());
            if (e.logTail() != null) {
                System.err.println("---- last lines of " + e.logFile() + " ----");
                System.err.println(e.logTail());
                System.err.println("----");
            }
            System.exit(1);
        }

        System.out.println();
        System.out.printf(Locale.ROOT, "Sori is ready (started in %.1f s)%n", stack.startupTime().toMillis() / 1000.0);
        System.out.println("  Gateway:  " + stack.gatewayUrl());
        System.out.println("  Logs:     " + options.logDir() + " (one <process>.log each)");
        System.out.println("  Data:     " + options.dataDir() + " (kept across restarts)");
        System.out.println("  Kafka:    " + stack.kafkaBootstrap() + "   MongoDB: " + stack.mongoUri());
        System.out.println("Ctrl-C stops everything.");

        watch(stack);
    }

    /** Nothing restarts a crashed process behind the user's back, but the crash is not silent either. */
    private static void watch(SoriStack stack) throws InterruptedException {
        Set<String> reported = new HashSet<>();
        while (!stack.isClosed()) {
            for (String name : stack.processNames()) {
                if (!stack.isRunning(name) && !stack.isClosed() && reported.add(name)) {
                    System.err.println("[sori] " + name + " has exited; see " + stack.logFile(name));
                }
            }
            Thread.sleep(2000);
        }
    }

    static String usage() {
        return String.join(System.lineSeparator(),
                "usage: ./sori [--build]      (the script builds first when jars are missing or --build is given)",
                "",
                "Starts a Kafka broker (KRaft), a MongoDB-compatible store and every Sori service, each in its own JVM.",
                "Environment:",
                "  SORI_HOME                   project root (default: found from the launcher jar)",
                "  SORI_DATA_DIR               Kafka and MongoDB data (default <home>/data)",
                "  SORI_LOG_DIR                one log per process (default <home>/logs)",
                "  SORI_KAFKA_BOOTSTRAP        use this Kafka instead of starting one",
                "  SORI_MONGODB_URI            use this MongoDB instead of starting one",
                "  SORI_JAVA_OPTS              JVM options of every service (default: " + String.join(" ", StackOptions.DEFAULT_JAVA_OPTS) + ")",
                "  SORI_READY_TIMEOUT_SECONDS  how long one process may take to become ready (default 180)",
                "  SORI_START_CONCURRENCY      services starting at the same time (default " + StackOptions.DEFAULT_START_CONCURRENCY + ")",
                "  SORI_CLASS_DATA_SHARING     false: run the service jars as built, without extracting them and",
                "                              recording their classes for faster starts (default true)",
                "  SORI_CORE_BANKING_LATENCY, SORI_CORE_BANKING_FAIL_CUSTOMERS, SORI_CORE_BANKING_FAILURE_RATE",
                "                              the simulated core banking's answer time (PT0.2S), customers whose",
                "                              actions always fail (cust-fail-) and failure share of the others (0)");
    }
}
