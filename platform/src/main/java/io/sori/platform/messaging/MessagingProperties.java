package io.sori.platform.messaging;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param partitions        partitions of each topic this service creates if missing
 * @param replicas          replication factor of those topics (1 on one broker, 3 in production)
 * @param concurrency       listener threads of this service
 * @param retries           attempts after the first before a record is dead-lettered
 * @param retryBackoff      pause before the first retry; doubles each time
 * @param handlerTimeout    the longest one event's handling may take
 * @param dedupeRetention   how long processed event ids are remembered
 */
@ConfigurationProperties("sori.events")
public record MessagingProperties(int partitions, int replicas, int concurrency, int retries, Duration retryBackoff,
        Duration handlerTimeout, Duration dedupeRetention) {

    public MessagingProperties {
        partitions = partitions <= 0 ? 3 : partitions;
        replicas = replicas <= 0 ? 1 : replicas;
        concurrency = concurrency <= 0 ? 1 : concurrency;
        retries = retries < 0 ? 3 : retries;
        retryBackoff = retryBackoff == null ? Duration.ofMillis(200) : retryBackoff;
        handlerTimeout = handlerTimeout == null ? Duration.ofSeconds(30) : handlerTimeout;
        dedupeRetention = dedupeRetention == null ? Duration.ofDays(7) : dedupeRetention;
    }
}
