package io.sori.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Application class data sharing for the service JVMs: on 2 cores starting seven JVMs is CPU-bound,
 * and most of a Spring Boot service's startup CPU is loading and verifying classes.
 *
 * <p>A service's jar is extracted once (Spring Boot's {@code -Djarmode=tools extract}) next to it, in
 * {@code <module>/target/cds/}: classes from a plain class path start faster than from nested jars,
 * and only they can be archived. Once the first run is ready, the launcher has it write the classes
 * it loaded to {@code app.jsa} ({@code jcmd <pid> VM.cds dynamic_dump}, which needs
 * {@code -XX:+RecordDynamicDumpInfo}); every later run maps that archive
 * ({@code -XX:SharedArchiveFile}). Recording at exit instead ({@code -XX:ArchiveClassesAtExit})
 * made seven JVMs write 60 MB each while being stopped, past the stop grace period on a busy
 * machine. Measured for the gateway: 4.8 s of CPU from the fat jar, 3.4 s extracted, 2.3 s with
 * the archive. A rebuilt jar is extracted and recorded again. A missing or unusable archive only
 * costs the speed: the JVM then loads classes as usual.
 */
final class ClassDataSharing {

    static final String ARCHIVE = "app.jsa";
    /** Recording warns about every class it skips (100+ lines) into the service's JSON log. */
    private static final String QUIET = "-Xlog:cds=off,cds+dynamic=off";
    private static final String STAMP = "jar.stamp";
    private static final long EXTRACT_TIMEOUT_SECONDS = 120;

    private ClassDataSharing() {
    }

    /** The JVM arguments that run the service: the extracted jar with its archive, or the fat jar if extracting failed. */
    static List<String> launch(ServiceSpec spec, Path home) {
        Path jar = spec.jar(home);
        Path dir = dir(spec, home);
        Path extracted = dir.resolve("app").resolve(jar.getFileName());
        try {
            if (!stampOf(jar).equals(readStamp(dir)) || !Files.isRegularFile(extracted)) {
                extract(jar, dir);
            }
        } catch (IOException | RuntimeException e) {
            return List.of("-jar", jar.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return List.of("-jar", jar.toString());
        }
        return List.of(useOrPrepare(dir.resolve(ARCHIVE)), QUIET, "-jar", extracted.toString());
    }

    /**
     * The same for the Kafka broker and the store, which run from the launcher's own class path: their
     * archive is named after the launcher jar's build, so a rebuilt launcher records a new one. They
     * record at exit: they stop last, one at a time, with the machine to themselves.
     */
    static List<String> forLauncherProcess(Path home, String process) {
        Path jar = ChildCommands.launcherJar(home);
        try {
            Path dir = jar.resolveSibling("cds");
            String prefix = process + "-";
            Path archive = dir.resolve(prefix + stampOf(jar).replace(':', '-') + ".jsa");
            if (!Files.isRegularFile(archive)) {
                Files.createDirectories(dir);
                try (Stream<Path> old = Files.list(dir)) {
                    for (Path stale : old.filter(p -> p.getFileName().toString().startsWith(prefix)).toList()) {
                        Files.deleteIfExists(stale);
                    }
                }
            }
            return List.of(archiveFlag(archive), QUIET);
        } catch (IOException e) {
            return List.of();
        }
    }

    /** Inserts JVM flags right after the java executable of a command. */
    static List<String> withFlags(List<String> command, List<String> flags) {
        List<String> cmd = new java.util.ArrayList<>(command);
        cmd.addAll(1, flags);
        return cmd;
    }

    static Path dir(ServiceSpec spec, Path home) {
        return spec.jar(home).resolveSibling("cds");
    }

    /** The archive of a service, whether recorded yet or not. */
    static Path archiveOf(ServiceSpec spec, Path home) {
        return dir(spec, home).resolve(ARCHIVE);
    }

    /** Map the archive when a previous run recorded it; else keep what {@link #record} needs. */
    static String useOrPrepare(Path archive) {
        return Files.isRegularFile(archive) ? "-XX:SharedArchiveFile=" + archive : "-XX:+RecordDynamicDumpInfo";
    }

    /** Map the archive when a previous run recorded it; else record this run's classes at exit (Kafka, the store). */
    static String archiveFlag(Path archive) {
        return Files.isRegularFile(archive) ? "-XX:SharedArchiveFile=" + archive
                : "-XX:ArchiveClassesAtExit=" + archive;
    }

    /**
     * Has a running service write the classes it has loaded to {@code archive} (written aside, then
     * moved in). False when it can't: no {@code jcmd} in this Java, a process started with an archive
     * already, a dump that failed.
     */
    static boolean record(long pid, Path archive) throws InterruptedException {
        Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        if (pid <= 0 || Files.isRegularFile(archive) || !Files.isExecutable(jcmd)) {
            return false;
        }
        Path partial = archive.resolveSibling(archive.getFileName() + "." + UUID.randomUUID() + ".part");
        try {
            Process dump = new ProcessBuilder(jcmd.toString(), Long.toString(pid), "VM.cds", "dynamic_dump",
                    partial.toString())
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (!dump.waitFor(EXTRACT_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                dump.destroyForcibly();
                return false;
            }
            if (dump.exitValue() != 0 || !Files.isRegularFile(partial) || Files.size(partial) == 0) {
                return false;
            }
            Files.move(partial, archive, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            return true;
        } catch (IOException e) {
            return false;
        } finally {
            try {
                Files.deleteIfExists(partial);
            } catch (IOException ignored) {
                // a leftover part file is never read
            }
        }
    }

    /**
     * Extracts beside, then swaps in: a concurrent start of the same service never sees half a
     * directory (and if it loses the swap, it runs the jar as built). Services extract in parallel.
     */
    private static void extract(Path jar, Path dir) throws IOException, InterruptedException {
        Files.createDirectories(dir);
        Path fresh = dir.resolve("app-" + UUID.randomUUID());
        Process tool = new ProcessBuilder(ChildCommands.java(), "-Djarmode=tools", "-jar", jar.toString(), "extract",
                "--destination", fresh.toString())
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        if (!tool.waitFor(EXTRACT_TIMEOUT_SECONDS, TimeUnit.SECONDS) || tool.exitValue() != 0) {
            tool.destroyForcibly();
            deleteTree(fresh);
            throw new IOException("extracting " + jar + " failed");
        }
        deleteTree(dir.resolve("app"));
        Files.deleteIfExists(dir.resolve(ARCHIVE)); // recorded from the previous jar's classes
        Files.move(fresh, dir.resolve("app"), StandardCopyOption.ATOMIC_MOVE);
        Files.writeString(dir.resolve(STAMP), stampOf(jar), StandardCharsets.UTF_8);
    }

    static String stampOf(Path jar) throws IOException {
        return Files.size(jar) + ":" + Files.getLastModifiedTime(jar).toMillis();
    }

    private static String readStamp(Path dir) {
        try {
            return Files.readString(dir.resolve(STAMP), StandardCharsets.UTF_8).trim();
        } catch (IOException e) {
            return "";
        }
    }

    private static void deleteTree(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.delete(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
