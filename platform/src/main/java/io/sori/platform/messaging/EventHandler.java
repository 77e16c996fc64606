package io.sori.platform.messaging;

import io.sori.events.EventCatalog;
import io.sori.events.EventEnvelope;
import io.sori.events.SoriEvent;
import java.util.function.Function;
import reactor.core.publisher.Mono;

/**
 * Handles one event type a service consumes. Declare it as a bean: the platform
 * subscribes to its topic with the service's consumer group, skips events already
 * processed, retries failures and dead-letters what still fails.
 *
 * <p>Handlers must themselves tolerate a rare second delivery of the same event (a crash
 * between the handler's write and the processed-marker): write idempotently, e.g. keyed by
 * the event's ids.
 */
public interface EventHandler<E extends SoriEvent> {

    Class<E> eventType();

    Mono<Void> handle(EventEnvelope<E> envelope);

    default String topic() {
        return EventCatalog.entryFor(eventType()).topic();
    }

    /** A handler of one type from a function of the envelope (what it emits is ignored). */
    static <E extends SoriEvent> EventHandler<E> of(Class<E> type, Function<EventEnvelope<E>, ? extends Mono<?>> handle) {
        return new EventHandler<>() {
            @Override
            public Class<E> eventType() {
                return type;
            }

            @Override
            public Mono<Void> handle(EventEnvelope<E> envelope) {
                return handle.apply(envelope).then();
            }
        };
    }
}
