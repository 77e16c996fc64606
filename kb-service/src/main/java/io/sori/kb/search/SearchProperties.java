package io.sori.kb.search;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param maxQueryLength    the longest question accepted, in characters
 * @param defaultSize       hits per search when the caller does not say
 * @param maxSize           the most hits one search returns
 * @param readyTimeout      how long a search waits for the index to be built at start before it is refused
 * @param threads           threads that run searches (CPU-bound: one per core)
 * @param catchUpInterval   how often an instance reads the articles other instances changed
 * @param catchUpOverlap    how far back each catch-up looks before the newest change it saw (clock skew
 *                          between instances, writes still in flight)
 * @param reconcileInterval how often every article's revision is compared with the index (the safety net)
 */
@ConfigurationProperties("sori.kb.search")
public record SearchProperties(int maxQueryLength, int defaultSize, int maxSize, Duration readyTimeout, int threads,
        Duration catchUpInterval, Duration catchUpOverlap, Duration reconcileInterval) {

    public SearchProperties {
        maxQueryLength = maxQueryLength <= 0 ? 500 : maxQueryLength;
        defaultSize = defaultSize <= 0 ? 10 : defaultSize;
        maxSize = maxSize <= 0 ? 50 : maxSize;
        readyTimeout = readyTimeout == null ? Duration.ofSeconds(5) : readyTimeout;
        threads = threads <= 0 ? Runtime.getRuntime().availableProcessors() : threads;
        catchUpInterval = catchUpInterval == null ? Duration.ofSeconds(2) : catchUpInterval;
        catchUpOverlap = catchUpOverlap == null ? Duration.ofSeconds(30) : catchUpOverlap;
        reconcileInterval = reconcileInterval == null ? Duration.ofMinutes(10) : reconcileInterval;
    }
}
