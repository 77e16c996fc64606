package io.sori.gateway.limits;

import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * One token bucket per key (a principal, a client address): {@code capacity} requests at once,
 * refilled at {@code perSecond}. Kept in this instance's memory: with several gateway instances
 * each allows the limit, which is the usual trade for not adding a shared store to every request.
 */
public class TokenBuckets {

    /** {@code 0} when the request may pass, else how long until it would. */
    public record Verdict(boolean allowed, Duration retryAfter) {
    }

    private final double capacity;
    private final double perNano;
    private final int maxKeys;
    private final LongSupplier nanoTime;
    private final ConcurrentHashMap<String, Bucket> buckets = new ConcurrentHashMap<>();

    public TokenBuckets(int capacity, double perSecond, int maxKeys, LongSupplier nanoTime) {
        if (capacity < 1 || perSecond <= 0) {
            throw new IllegalArgumentException("a bucket needs capacity >= 1 and a positive refill rate");
        }
        this.capacity = capacity;
        this.perNano = perSecond / 1_000_000_000d;
        this.maxKeys = maxKeys;
        this.nanoTime = nanoTime;
    }

    public Verdict take(String key) {
        long now = nanoTime.getAsLong();
        if (buckets.size() >= maxKeys && !buckets.containsKey(key)) {
            forgetFullBuckets(now);
        }
        return buckets.computeIfAbsent(key, k -> new Bucket(capacity, now)).take(now);
    }

    /** A bucket that has refilled completely holds no memory worth keeping. */
    private void forgetFullBuckets(long now) {
        buckets.entrySet().removeIf(e -> e.getValue().isFull(now));
    }

    int size() {
        return buckets.size();
    }

    private final class Bucket {

        private double tokens;
        private long updatedAt;

        Bucket(double tokens, long now) {
            this.tokens = tokens;
            this.updatedAt = now;
        }

        synchronized Verdict take(long now) {
            refill(now);
            if (tokens >= 1) {
                tokens -= 1;
                return new Verdict(true, Duration.ZERO);
            }
            long wait = (long) Math.ceil((1 - tokens) / perNano);
            return new Verdict(false, Duration.ofNanos(wait));
        }

        synchronized boolean isFull(long now) {
            refill(now);
            return tokens >= capacity;
        }

        private void refill(long now) {
            tokens = Math.min(capacity, tokens + (now - updatedAt) * perNano);
            updatedAt = now;
        }
    }
}
