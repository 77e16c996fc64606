package io.sori.loadharness;

import io.sori.launcher.SoriStack;
import java.time.Duration;

/**
 * Stops one process of the stack mid-burst and starts it again through the launcher (same command
 * line, same port, same data), noting when each step happened.
 */
final class FaultInjector {

    private final Fault fault;
    private final SoriStack stack;
    private final Thread thread;
    private final long runStart;
    volatile long stoppedAt;
    volatile long restartedAt;
    volatile long readyAt;
    volatile String failure;

    FaultInjector(Fault fault, SoriStack stack, Duration at, Duration down, long runStart) {
        this.fault = fault;
        this.stack = stack;
        this.runStart = runStart;
        this.thread = new Thread(() -> inject(at, down), "fault-" + fault.option());
        thread.setDaemon(true);
    }

    void start() {
        thread.start();
    }

    private void inject(Duration at, Duration down) {
        try {
            Thread.sleep(Math.max(0, at.toMillis() - (System.nanoTime() - runStart) / 1_000_000));
            log("stopping " + fault.process());
            stack.stop(fault.process());
            stoppedAt = System.nanoTime();
            log(fault.process() + " stopped; down for " + down.toSeconds() + " s");
            Thread.sleep(down.toMillis());
            restartedAt = System.nanoTime();
            log("starting " + fault.process() + " again");
            stack.restart(fault.process());
            readyAt = System.nanoTime();
            log(fault.process() + " ready again after " + (readyAt - restartedAt) / 1_000_000 + " ms");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            failure = String.valueOf(e);
            log("fault failed: " + e);
        }
    }

    void await(Duration atMost) throws InterruptedException {
        thread.join(atMost.toMillis());
    }

    /** Seconds from the restart command until the process answered ready; -1 when it did not. */
    double readySecondsAfterRestart() {
        return readyAt == 0 || restartedAt == 0 ? -1 : (readyAt - restartedAt) / 1e9;
    }

    Fault fault() {
        return fault;
    }

    /** Seconds since the start of the run, or -1 when it did not happen. */
    double at(long nanos) {
        return nanos == 0 ? -1 : (nanos - runStart) / 1e9;
    }

    private void log(String what) {
        System.out.printf(java.util.Locale.ROOT, "[bench] %6.1f s  %s%n", (System.nanoTime() - runStart) / 1e9, what);
    }
}
