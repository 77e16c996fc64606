package io.sori.loadharness;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.HdrHistogram.Histogram;

/** What a run measured, as JSON (report.json) and as the short text printed at the end (summary.txt). */
final class Report {

    /** One of issue 14's targets against what this run measured. */
    record Check(String target, String measured, boolean met) {
    }

    final Map<String, Object> json = new LinkedHashMap<>();
    final List<Check> checks = new ArrayList<>();
    private final StringBuilder text = new StringBuilder();

    void put(String key, Object value) {
        json.put(key, value);
    }

    void line(String format, Object... args) {
        text.append(String.format(Locale.ROOT, format, args)).append('\n');
    }

    void check(String target, String measured, boolean met) {
        checks.add(new Check(target, measured, met));
    }

    String text() {
        StringBuilder all = new StringBuilder(text);
        if (!checks.isEmpty()) {
            all.append("targets:\n");
            for (Check c : checks) {
                all.append(String.format(Locale.ROOT, "  %-4s %-55s measured %s%n", c.met() ? "MET" : "MISS",
                        c.target(), c.measured()));
            }
        }
        return all.toString();
    }

    static Map<String, Object> series(Latencies.Series s, double seconds) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("requests", s.count());
        m.put("ok", s.successes());
        m.put("okPerSecond", round(s.successes() / seconds));
        m.put("errorRate", round(s.errorRate()));
        m.put("statuses", s.statuses());
        m.put("p50Ms", round(s.okMillis(50)));
        m.put("p95Ms", round(s.okMillis(95)));
        m.put("p99Ms", round(s.okMillis(99)));
        m.put("maxMs", round(s.maxMillis()));
        m.put("p99AllAnswersMs", round(s.allMillis(99)));
        return m;
    }

    static String seriesLine(String label, Latencies.Series s, double seconds) {
        return String.format(Locale.ROOT, "  %-28s %8d req %9.1f ok/s  p50 %7.1f  p95 %7.1f  p99 %7.1f ms  errors %5.2f%% %s",
                label, s.count(), s.successes() / seconds, s.okMillis(50), s.okMillis(95), s.okMillis(99),
                100 * s.errorRate(), s.statuses());
    }

    static Map<String, Object> histogram(Histogram h) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("count", h.getTotalCount());
        if (h.getTotalCount() > 0) {
            m.put("p50Ms", round(h.getValueAtPercentile(50) / 1000.0));
            m.put("p95Ms", round(h.getValueAtPercentile(95) / 1000.0));
            m.put("p99Ms", round(h.getValueAtPercentile(99) / 1000.0));
            m.put("maxMs", round(h.getMaxValue() / 1000.0));
        }
        return m;
    }

    static double millis(Histogram h, double percentile) {
        return h.getTotalCount() == 0 ? Double.NaN : h.getValueAtPercentile(percentile) / 1000.0;
    }

    static double round(double v) {
        return Double.isNaN(v) || Double.isInfinite(v) ? -1 : Math.round(v * 100) / 100.0;
    }
}
