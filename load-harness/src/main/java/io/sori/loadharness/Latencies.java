package io.sori.loadharness;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

/**
 * Response times and statuses per request label, recorded from every thread. Times are in
 * microseconds, counted from the moment a request was due (not from when it left), so a client
 * that falls behind shows up as latency instead of hiding it.
 */
final class Latencies {

    /** Status recorded for a request that got no HTTP answer (refused, reset, timed out). */
    static final int NO_RESPONSE = 0;
    /** Status recorded for an arrival the harness did not send because too many were outstanding. */
    static final int NOT_SENT = -1;

    private static final long HIGHEST_MICROS = 120_000_000L;

    private final Map<String, Series> series = new ConcurrentHashMap<>();

    void record(String label, int status, long micros) {
        series.computeIfAbsent(label, l -> new Series()).record(status, micros);
    }

    Map<String, Series> byLabel() {
        return new TreeMap<>(series);
    }

    /** Every label together. */
    Series overall() {
        Series all = new Series();
        series.values().forEach(all::add);
        return all;
    }

    /** Every label that starts with {@code prefix}, together. */
    Series matching(String prefix) {
        Series all = new Series();
        series.forEach((label, s) -> {
            if (label.startsWith(prefix)) {
                all.add(s);
            }
        });
        return all;
    }

    static final class Series {
        private final Histogram ok = new ConcurrentHistogram(HIGHEST_MICROS, 3);
        private final Histogram all = new ConcurrentHistogram(HIGHEST_MICROS, 3);
        private final Map<Integer, LongAdder> statuses = new ConcurrentHashMap<>();

        void record(int status, long micros) {
            statuses.computeIfAbsent(status, s -> new LongAdder()).increment();
            if (status == NOT_SENT) {
                return;
            }
            long clamped = Math.max(1, Math.min(micros, HIGHEST_MICROS));
            all.recordValue(clamped);
            if (status >= 200 && status < 300) {
                ok.recordValue(clamped);
            }
        }

        private void add(Series other) {
            ok.add(other.ok);
            all.add(other.all);
            other.statuses.forEach((s, n) -> statuses.computeIfAbsent(s, x -> new LongAdder()).add(n.sum()));
        }

        long count() {
            return statuses.values().stream().mapToLong(LongAdder::sum).sum();
        }

        long successes() {
            return statuses.entrySet().stream().filter(e -> e.getKey() >= 200 && e.getKey() < 300)
                    .mapToLong(e -> e.getValue().sum()).sum();
        }

        double errorRate() {
            long n = count();
            return n == 0 ? 0 : (double) (n - successes()) / n;
        }

        Map<Integer, Long> statuses() {
            Map<Integer, Long> m = new TreeMap<>();
            statuses.forEach((s, n) -> m.put(s, n.sum()));
            return m;
        }

        /** Percentile of successful answers, in milliseconds. */
        double okMillis(double percentile) {
            return ok.getTotalCount() == 0 ? Double.NaN : ok.getValueAtPercentile(percentile) / 1000.0;
        }

        /** Percentile of every answer, failures included, in milliseconds. */
        double allMillis(double percentile) {
            return all.getTotalCount() == 0 ? Double.NaN : all.getValueAtPercentile(percentile) / 1000.0;
        }

        double maxMillis() {
            return ok.getTotalCount() == 0 ? Double.NaN : ok.getMaxValue() / 1000.0;
        }
    }
}
