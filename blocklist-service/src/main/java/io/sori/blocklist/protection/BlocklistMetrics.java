package io.sori.blocklist.protection;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.stereotype.Component;

/**
 * <ul>
 * <li>{@code sori.blocklist.reports{reason,source}} [sori_blocklist_reports_total] — offences put on record</li>
 * <li>{@code sori.profanity.detections{category}} [sori_profanity_detections_total] — messages the detector flagged</li>
 * <li>{@code sori.blocks.active{reason}} [sori_blocks_active] — customers blocked now, read from the store,
 * so every instance reports the same total: aggregate with {@code max}, not {@code sum}</li>
 * <li>{@code sori.blocks.lifted{reason}} [sori_blocks_lifted_total] — blocks ended: EXPIRED, LIFTED by a
 * supervisor, SENIOR_HANDLER chosen instead of a permanent block</li>
 * </ul>
 */
@Component
class BlocklistMetrics {

    static final List<String> REASONS = List.of("PROFANITY", "THREAT", "SEXUAL_HARASSMENT", "OBSTRUCTION", "SPAM");

    private final MeterRegistry meters;
    private final Map<String, AtomicLong> active = new ConcurrentHashMap<>();

    BlocklistMetrics(MeterRegistry meters) {
        this.meters = meters;
        for (String reason : REASONS) {
            AtomicLong count = new AtomicLong();
            active.put(reason, count);
            Gauge.builder("sori.blocks.active", count, AtomicLong::get)
                    .description("Customers refused re-entry now").tag("reason", reason).register(meters);
        }
    }

    void reported(String reason, Report.Source source) {
        meters.counter("sori.blocklist.reports", "reason", reason, "source", source.name()).increment();
    }

    void detected(String category) {
        meters.counter("sori.profanity.detections", "category", category).increment();
    }

    void lifted(String reason) {
        meters.counter("sori.blocks.lifted", "reason", reason).increment();
    }

    void activeBlocks(Map<String, Long> byReason) {
        active.forEach((reason, count) -> count.set(byReason.getOrDefault(reason, 0L)));
    }
}
