package io.sori.loadharness;

import io.sori.launcher.SoriStack;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * CPU time each process of the stack used during a run, read from the operating system. On a
 * shared, noisy machine response times say little about where the work goes; CPU time per
 * accepted message does, and it is what caps throughput on two cores.
 */
final class CpuUse {

    private final SoriStack stack;
    private final Map<String, Duration> before;

    private CpuUse(SoriStack stack) {
        this.stack = stack;
        this.before = read(stack);
    }

    /** Starts counting now; null when the harness did not start the stack (no processes to read). */
    static CpuUse start(SoriStack stack) {
        return stack == null ? null : new CpuUse(stack);
    }

    /** CPU seconds per process since the start (a process restarted meanwhile counts from its restart). */
    Map<String, Double> secondsSinceStart() {
        Map<String, Double> used = new LinkedHashMap<>();
        read(stack).forEach((process, now) -> {
            Duration then = before.getOrDefault(process, Duration.ZERO);
            Duration delta = now.compareTo(then) >= 0 ? now.minus(then) : now;
            used.put(process, delta.toMillis() / 1000.0);
        });
        return used;
    }

    private static Map<String, Duration> read(SoriStack stack) {
        Map<String, Duration> cpu = new LinkedHashMap<>();
        for (String process : stack.processNames()) {
            if (!stack.isRunning(process)) {
                continue;
            }
            ProcessHandle.of(stack.pid(process)).flatMap(p -> p.info().totalCpuDuration())
                    .ifPresent(d -> cpu.put(process, d));
        }
        return cpu;
    }
}
