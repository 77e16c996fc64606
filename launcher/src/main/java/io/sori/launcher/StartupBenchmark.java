package io.sori.launcher;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Starts the whole stack on free ports in a temporary data dir, prints how long until every service was
 * ready and the resident memory of every process, then stops it.
 *
 * <pre>java -cp launcher/target/sori-launcher.jar io.sori.launcher.StartupBenchmark [--concurrency N] [--settle SECONDS] [--keep]</pre>
 *
 * The {@code SORI_*} environment applies as for {@code ./sori} (for example {@code SORI_JAVA_OPTS}),
 * except that ports are always random and data and logs always go to a fresh temporary directory.
 */
public final class StartupBenchmark {

    private StartupBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        StackOptions.Builder builder = StackOptions.fromEnvironment(System.getenv());
        int settleSeconds = 10;
        boolean keep = false;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--concurrency" -> builder.startConcurrency(Integer.parseInt(args[++i]));
                case "--settle" -> settleSeconds = Integer.parseInt(args[++i]);
                case "--keep" -> keep = true;
                default -> {
                    System.err.println("usage: StartupBenchmark [--concurrency N] [--settle SECONDS] [--keep]");
                    System.exit(2);
                }
            }
        }
        Path dir = Files.createTempDirectory("sori-benchmark-");
        StackOptions options = builder.randomPorts(true)
                .dataDir(dir.resolve("data"))
                .logDir(dir.resolve("logs"))
                .progress(line -> System.out.println("  " + line))
                .build();

        printMachine(options);
        Map<String, Long> atReady;
        Map<String, Long> settled;
        SoriStack stack = SoriStack.start(options);
        try {
            atReady = stack.residentMemoryKb();
            // JVMs keep allocating for a while after they report ready (caches, first Kafka fetches)
            Thread.sleep(Duration.ofSeconds(settleSeconds).toMillis());
            settled = stack.residentMemoryKb();
            printResults(stack, atReady, settled, settleSeconds);
            // a first start of a build records the services' class archives: let it finish for the next run
            stack.awaitClassArchives(Duration.ofMinutes(5));
        } finally {
            stack.close();
        }
        if (!stack.killedOnStop().isEmpty()) {
            System.out.println("did not stop within the grace period and were killed: " + stack.killedOnStop());
            keep = true;
        }
        if (keep) {
            System.out.println("data and logs kept in " + dir);
        } else {
            deleteRecursively(dir);
        }
    }

    private static void printMachine(StackOptions options) {
        System.out.printf(Locale.ROOT, "machine: %d cores, %s RAM, Java %s (%s), %s %s%n",
                Runtime.getRuntime().availableProcessors(), memTotal(), System.getProperty("java.version"),
                System.getProperty("java.vm.vendor"), System.getProperty("os.name"), System.getProperty("os.version"));
        System.out.println("services starting at once: " + options.startConcurrency()
                + "; service JVM options: " + String.join(" ", options.javaOpts())
                + "; class data sharing: " + (options.classDataSharing() ? "on" : "off"));
        System.out.println("data and logs: " + options.dataDir().getParent());
    }

    private static void printResults(SoriStack stack, Map<String, Long> atReady, Map<String, Long> settled, int settle) {
        Map<String, Duration> ready = stack.readyTimes();
        String idle = "RSS +" + settle + " s idle";
        System.out.println();
        System.out.printf(Locale.ROOT, "%-20s %8s %12s %14s %16s%n", "process", "pid", "ready at", "RSS at ready", idle);
        long sumReady = 0;
        long sumSettled = 0;
        for (String name : stack.processNames()) {
            long r = atReady.getOrDefault(name, -1L);
            long s = settled.getOrDefault(name, -1L);
            sumReady += Math.max(0, r);
            sumSettled += Math.max(0, s);
            Duration at = ready.get(name);
            System.out.printf(Locale.ROOT, "%-20s %8d %10.1f s %10s MiB %12s MiB%n", name, stack.pid(name),
                    at == null ? Double.NaN : at.toMillis() / 1000.0, mib(r), mib(s));
        }
        long self = ProcMemory.rssKb(ProcessHandle.current().pid());
        System.out.printf(Locale.ROOT, "%-20s %8s %12s %10s MiB %12s MiB%n", "all child processes", "", "",
                mib(sumReady), mib(sumSettled));
        System.out.printf(Locale.ROOT, "%-20s %8d %12s %14s %12s MiB%n", "launcher (this JVM)",
                ProcessHandle.current().pid(), "", "", mib(self));
        System.out.println();
        System.out.printf(Locale.ROOT, "every service ready after: %.1f s%n", stack.startupTime().toMillis() / 1000.0);
        System.out.printf(Locale.ROOT, "total RSS (children + launcher, after idle): %s MiB%n",
                mib(sumSettled + Math.max(0, self)));
    }

    private static String mib(long kb) {
        return kb < 0 ? "n/a" : String.valueOf(Math.round(kb / 1024.0));
    }

    private static String memTotal() {
        try (Stream<String> lines = Files.lines(Path.of("/proc/meminfo"))) {
            return lines.filter(l -> l.startsWith("MemTotal:")).findFirst()
                    .map(l -> String.format(Locale.ROOT, "%.1f GiB",
                            Long.parseLong(l.replaceAll("\\D", "")) / 1024.0 / 1024.0))
                    .orElse("unknown");
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }

    private static void deleteRecursively(Path dir) throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) paths.sorted(Comparator.reverseOrder())::iterator) {
                Files.deleteIfExists(p);
            }
        }
    }
}
