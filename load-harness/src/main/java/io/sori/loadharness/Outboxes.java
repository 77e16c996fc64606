package io.sori.loadharness;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/** {@code sori_outbox_pending} of every service, from its own actuator: events written but not yet published. */
final class Outboxes {

    private Outboxes() {
    }

    /** Pending events per service; -1 where the actuator did not answer. */
    static Map<String, Long> pending(Target target) {
        Map<String, Long> pending = new LinkedHashMap<>();
        for (String module : Target.OUTBOX_SERVICES) {
            String base = target.service(module);
            if (base == null) {
                continue;
            }
            Http.Response r = target.http.get(base + "/actuator/prometheus", null).block(Duration.ofSeconds(10));
            pending.put(module, r == null || !r.ok() ? -1 : sum(r.body(), "sori_outbox_pending"));
        }
        return pending;
    }

    /** Adds every sample of one metric in the Prometheus text format; -1 when the metric is absent. */
    static long sum(String exposition, String metric) {
        double total = 0;
        boolean found = false;
        for (String line : exposition.split("\n")) {
            if (line.startsWith(metric) && (line.length() == metric.length()
                    || line.charAt(metric.length()) == '{' || line.charAt(metric.length()) == ' ')) {
                String value = line.substring(line.lastIndexOf(' ') + 1);
                total += Double.parseDouble(value);
                found = true;
            }
        }
        return found ? Math.round(total) : -1;
    }
}
