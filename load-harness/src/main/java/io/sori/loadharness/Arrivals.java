package io.sori.loadharness;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * The open model: arrivals at a fixed rate whatever the answers take, each timed from the moment it
 * was due (a late send counts as latency: no coordinated omission). Past {@code maxInFlight}
 * outstanding requests an arrival is counted as not sent rather than queued without bound.
 */
final class Arrivals {

    private final Traffic traffic;
    private final Latencies latencies;
    private final int maxInFlight;
    private final AtomicInteger inFlight = new AtomicInteger();

    Arrivals(Traffic traffic, Latencies latencies, int maxInFlight) {
        this.traffic = traffic;
        this.latencies = latencies;
        this.maxInFlight = maxInFlight;
    }

    /** Sends {@code rate} per second for {@code duration} from this thread; returns how many were due. */
    long run(int rate, Duration duration) {
        long period = 1_000_000_000L / rate;
        long start = System.nanoTime();
        long end = start + duration.toNanos();
        long seq = 0;
        for (long due = start; due < end; due = start + ++seq * period) {
            long wait = due - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            if (inFlight.get() >= maxInFlight) {
                latencies.record("harness.not-sent", Latencies.NOT_SENT, 0);
                continue;
            }
            inFlight.incrementAndGet();
            traffic.fire(seq, due).doFinally(s -> inFlight.decrementAndGet()).subscribe(x -> { }, e -> { });
        }
        return seq;
    }

    /** Waits until every request sent has been answered (or timed out). */
    void drain(Duration atMost) {
        long deadline = System.nanoTime() + atMost.toNanos();
        while (inFlight.get() > 0 && System.nanoTime() < deadline) {
            LockSupport.parkNanos(10_000_000L);
        }
    }
}
