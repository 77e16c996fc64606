package io.sori.channel.web;

import java.util.List;

/**
 * Creating POSTs may carry an {@code Idempotency-Key}: the same key again is the same contact,
 * answered the same and recorded once.
 */
public final class IdempotencyKeys {

    public static final String HEADER = "Idempotency-Key";
    /** How an idempotency key is kept among a conversation's thread keys. */
    public static final String PREFIX = "idem:";

    private IdempotencyKeys() {
    }

    /** The thread key of an idempotency key (validated), or null without one. */
    public static String threadKey(String header) {
        if (header == null) {
            return null;
        }
        return PREFIX + Ids.require(HEADER, header);
    }

    public static List<String> keys(String... keys) {
        return java.util.Arrays.stream(keys).filter(java.util.Objects::nonNull).toList();
    }
}
