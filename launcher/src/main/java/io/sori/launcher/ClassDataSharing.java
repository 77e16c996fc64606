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
 * and only they can be archived. The first run records the classes it loaded into {@code app.jsa}
 * when the JVM exits ({@code -XX:ArchiveClassesAtExit}); every later run maps that archive
 * ({@code -XX:SharedArchiveFile}). Measured for the gateway: 4.8 s of CPU from the fat jar, 3.4 s
 * extracted, 2.3 s with the archive. A rebuilt jar is extracted and recorded again. A missing or
 * unusable archive only costs the speed: the JVM then loads classes as usual.
 */
final class ClassDataSharing {

    static final String ARCHIVE = "app.jsa";
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
        // recording warns about every class it skips (100+ lines) into the service's JSON log: quiet
        return List.of(archiveFlag(dir.resolve(ARCHIVE)), "-Xlog:cds=off,cds+dynamic=off", "-jar",
                extracted.toString());
    }

    static Path dir(ServiceSpec spec, Path home) {
        return spec.jar(home).resolveSibling("cds");
    }

    /** Map the archive when a previous run recorded it; else record this run's classes at exit. */
    static String archiveFlag(Path archive) {
        return Files.isRegularFile(archive) ? "-XX:SharedArchiveFile=" + archive
                : "-XX:ArchiveClassesAtExit=" + archive;
    }

    /** Extracts beside, then swaps in: a concurrent start of the same service never sees half a directory. */
    private static synchronized void extract(Path jar, Path dir) throws IOException, InterruptedException {
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
