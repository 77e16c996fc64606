package io.sori.platform.outbox;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param collections   the collections whose documents carry an outbox
 * @param pollInterval  how often the relay looks for events it was not woken up for (after a crash, say)
 * @param lease         how long one relay instance owns a document while publishing it
 * @param maxBackoff    the longest pause after the broker failed
 * @param sendTimeout   how long one publish may wait for {@code acks=all}
 */
@ConfigurationProperties("sori.outbox")
public record OutboxProperties(boolean enabled, List<String> collections, Duration pollInterval, Duration lease,
        Duration maxBackoff, Duration sendTimeout, int batchSize) {

    public OutboxProperties {
        collections = collections == null ? List.of() : List.copyOf(collections);
        pollInterval = pollInterval == null ? Duration.ofSeconds(1) : pollInterval;
        lease = lease == null ? Duration.ofSeconds(30) : lease;
        maxBackoff = maxBackoff == null ? Duration.ofSeconds(30) : maxBackoff;
        sendTimeout = sendTimeout == null ? Duration.ofSeconds(15) : sendTimeout;
        batchSize = batchSize <= 0 ? 100 : batchSize;
    }
}
