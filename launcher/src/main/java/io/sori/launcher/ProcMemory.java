package io.sori.launcher;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Reads a process's resident set size from {@code /proc/<pid>/status}. */
final class ProcMemory {

    private ProcMemory() {
    }

    /** VmRSS in KiB, or -1 when not available (process gone, not Linux). */
    static long rssKb(long pid) {
        try {
            return parseVmRssKb(Files.readAllLines(Path.of("/proc", String.valueOf(pid), "status")));
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    static long parseVmRssKb(List<String> statusLines) {
        for (String line : statusLines) {
            if (line.startsWith("VmRSS:")) {
                String[] parts = line.substring("VmRSS:".length()).trim().split("\\s+");
                return Long.parseLong(parts[0]);
            }
        }
        return -1;
    }
}
