package io.sori.loadharness;

import io.sori.launcher.ServiceSpec;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupListing;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * Events published but not yet consumed: for every consumer group of the suite's services (named after
 * the service; not the harness's watchers or a test's probes), the end offsets of what it reads minus
 * what it committed. With the outboxes (written, not yet published) this is the whole of "an event
 * still on its way".
 */
final class ConsumerLag implements AutoCloseable {

    private static final long TIMEOUT_SECONDS = 10;

    private final Admin admin;

    ConsumerLag(String bootstrap) {
        Properties p = new Properties();
        p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "10000");
        p.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, "5000");
        this.admin = Admin.create(p);
    }

    /** Lag per consumer group; a group that could not be read (the broker away) is -1. */
    Map<String, Long> byGroup() {
        Map<String, Long> lag = new TreeMap<>();
        try {
            for (ConsumerGroupListing group : admin.listConsumerGroups().all().get(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                if (ServiceSpec.SUITE.stream().anyMatch(s -> group.groupId().startsWith(s.module()))) {
                    lag.put(group.groupId(), lagOf(group.groupId()));
                }
            }
        } catch (ExecutionException | TimeoutException | RuntimeException e) {
            lag.put("(unreadable: " + e.getClass().getSimpleName() + ")", -1L);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return lag;
    }

    private long lagOf(String group) throws InterruptedException {
        try {
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                    .partitionsToOffsetAndMetadata().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            committed.forEach((tp, offset) -> {
                if (offset != null) {
                    latest.put(tp, OffsetSpec.latest());
                }
            });
            if (latest.isEmpty()) {
                return 0;
            }
            Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> ends = admin.listOffsets(latest).all()
                    .get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            long lag = 0;
            for (Map.Entry<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> end : ends.entrySet()) {
                lag += Math.max(0, end.getValue().offset() - committed.get(end.getKey()).offset());
            }
            return lag;
        } catch (ExecutionException | TimeoutException | RuntimeException e) {
            return -1;
        }
    }

    /** Every group read, and none behind. */
    static boolean caughtUp(Map<String, Long> lag) {
        return !lag.isEmpty() && lag.values().stream().allMatch(n -> n == 0);
    }

    static long total(Map<String, Long> lag) {
        return lag.values().stream().filter(n -> n > 0).mapToLong(Long::longValue).sum();
    }

    @Override
    public void close() {
        admin.close(Duration.ofSeconds(2));
    }
}
