package io.sori.loadharness;

import reactor.core.publisher.Mono;

/** One kind of load: what the {@code seq}-th arrival sends; {@code dueAt} is its scheduled nanoTime. */
interface Traffic {

    Mono<?> fire(long seq, long dueAt);
}
