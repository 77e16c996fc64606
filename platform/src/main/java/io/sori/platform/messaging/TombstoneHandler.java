package io.sori.platform.messaging;

import reactor.core.publisher.Mono;

/**
 * Handles tombstones (records with a key and no value) on a compacted topic: the producer's
 * way of saying "forget everything about this key". Declare it as a bean beside the topic's
 * {@link EventHandler}s; without one, tombstones are skipped and counted, never dead-lettered.
 * Tombstones carry no event id, so a handler must be idempotent by itself (deleting twice is
 * harmless).
 */
public interface TombstoneHandler {

    String topic();

    Mono<Void> handleTombstone(String key);
}
