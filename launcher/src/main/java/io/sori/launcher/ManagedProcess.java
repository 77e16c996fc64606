package io.sori.launcher;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/** One child JVM: started with its output appended to a log file, stopped with SIGTERM first. */
final class ManagedProcess {

    /**
     * Children run in their own session where {@code setsid} exists, so a Ctrl-C in the terminal reaches
     * only the launcher, which then stops them in order (services, then Kafka, then Mongo). Started from
     * a JVM, the child is never a process-group leader, so setsid execs in place and the pid stays java's.
     */
    private static final String SETSID = findSetsid();

    private final String name;
    /** Evaluated at every start: a restart may run differently (e.g. with the class archive its first run recorded). */
    private final Supplier<List<String>> command;
    private final Map<String, String> environment;
    private final Path workDir;
    private final Path logFile;
    private volatile Process process;

    ManagedProcess(String name, List<String> command, Map<String, String> environment, Path workDir, Path logFile) {
        this(name, constant(List.copyOf(command)), environment, workDir, logFile);
    }

    ManagedProcess(String name, Supplier<List<String>> command, Map<String, String> environment, Path workDir,
            Path logFile) {
        this.name = name;
        this.command = command;
        this.environment = Map.copyOf(environment);
        this.workDir = workDir;
        this.logFile = logFile;
    }

    private static Supplier<List<String>> constant(List<String> command) {
        return () -> command;
    }

    String name() {
        return name;
    }

    Path logFile() {
        return logFile;
    }

    synchronized void start() throws IOException {
        if (isAlive()) {
            throw new IllegalStateException(name + " is already running");
        }
        Files.createDirectories(logFile.getParent());
        List<String> cmd = new ArrayList<>();
        if (SETSID != null) {
            cmd.add(SETSID);
        }
        cmd.addAll(command.get());
        ProcessBuilder pb = new ProcessBuilder(cmd)
                .directory(workDir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()));
        pb.environment().putAll(environment);
        process = pb.start();
        // nobody ever types into a child; closing stdin now keeps a blocked read from hanging it
        process.getOutputStream().close();
    }

    boolean isAlive() {
        Process p = process;
        return p != null && p.isAlive();
    }

    long pid() {
        Process p = process;
        return p == null ? -1 : p.pid();
    }

    /** Exit code of a process that has ended, for error messages. */
    String exitDescription() {
        Process p = process;
        if (p == null) {
            return "never started";
        }
        return p.isAlive() ? "running" : "exited with code " + p.exitValue();
    }

    /** SIGTERM: the JVM runs its shutdown hooks (Spring's graceful shutdown, Kafka's controlled shutdown). */
    void requestStop() {
        Process p = process;
        if (p != null && p.isAlive()) {
            p.destroy();
        }
    }

    /** Waits until the deadline (System.nanoTime), then kills. Returns true when it ended by itself. */
    boolean awaitStop(long deadlineNanos) {
        Process p = process;
        if (p == null) {
            return true;
        }
        try {
            long left = deadlineNanos - System.nanoTime();
            if (left > 0 && p.waitFor(left, TimeUnit.NANOSECONDS)) {
                return true;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (!p.isAlive()) {
            return true;
        }
        p.descendants().forEach(ProcessHandle::destroyForcibly);
        p.destroyForcibly();
        try {
            p.waitFor(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return false;
    }

    /** Resident memory of the process and anything it started, from /proc (Linux); -1 elsewhere. */
    long rssKb() {
        Process p = process;
        if (p == null || !p.isAlive()) {
            return -1;
        }
        long total = ProcMemory.rssKb(p.pid());
        if (total < 0) {
            return -1;
        }
        for (ProcessHandle child : (Iterable<ProcessHandle>) p.descendants()::iterator) {
            total += Math.max(0, ProcMemory.rssKb(child.pid()));
        }
        return total;
    }

    /** The last lines of the log, for telling the user why a process failed. */
    String tail(int lines) {
        return tail(logFile, lines);
    }

    static String tail(Path file, int lines) {
        if (!Files.isRegularFile(file)) {
            return "(no log at " + file + ")";
        }
        try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "r")) {
            long length = f.length();
            int chunk = (int) Math.min(length, 64 * 1024);
            byte[] bytes = new byte[chunk];
            f.seek(length - chunk);
            f.readFully(bytes);
            String[] all = new String(bytes, StandardCharsets.UTF_8).split("\r?\n");
            int from = Math.max(0, all.length - lines);
            return String.join(System.lineSeparator(), java.util.Arrays.copyOfRange(all, from, all.length));
        } catch (IOException e) {
            return "(could not read " + file + ": " + e.getMessage() + ")";
        }
    }

    private static String findSetsid() {
        for (String dir : List.of("/usr/bin", "/bin")) {
            Path p = Path.of(dir, "setsid");
            if (Files.isExecutable(p)) {
                return p.toString();
            }
        }
        return null;
    }

    @Override
    public String toString() {
        return name + " (pid " + pid() + ")";
    }
}
