package io.sori.ticket.live;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;

/**
 * Fans this instance's ticket changes out to its live subscribers. Each subscriber has its own
 * bounded buffer: the publisher (the Kafka consumer thread) only ever offers an event and moves on,
 * so one slow browser cannot hold back the consumer or the other agents. A subscriber whose buffer
 * is full has missed an event; it is ended with a reconnect notice (after what it was already
 * given) so the console reloads its lists instead of silently showing a stale queue.
 */
@Component
public class TicketChanges {

    private static final Logger log = LoggerFactory.getLogger(TicketChanges.class);

    private final Set<Subscriber> subscribers = ConcurrentHashMap.newKeySet();
    private final LiveSettings settings;

    TicketChanges(LiveSettings settings, MeterRegistry meters) {
        this.settings = settings;
        Gauge.builder("sori.live.subscribers", subscribers, Set::size)
                .description("agent consoles connected to this instance's live ticket feed").register(meters);
    }

    /**
     * A stream: the changes that pass the filter, until the subscriber leaves or is dropped; {@code dropped}
     * tells, once the events have ended, whether it was dropped for reading too slowly.
     */
    public record Subscription(Flux<LiveEvent> events, BooleanSupplier dropped) {
    }

    /** Empty when this instance already serves as many streams as it may. */
    public java.util.Optional<Subscription> subscribe(Predicate<LiveEvent> filter) {
        if (subscribers.size() >= settings.maxSubscribers()) {
            return java.util.Optional.empty();
        }
        Subscriber subscriber = new Subscriber(filter,
                Sinks.many().unicast().onBackpressureBuffer(new ArrayBlockingQueue<>(settings.buffer())),
                new AtomicBoolean());
        subscribers.add(subscriber);
        Flux<LiveEvent> events = subscriber.sink.asFlux().doFinally(signal -> subscribers.remove(subscriber));
        return java.util.Optional.of(new Subscription(events, subscriber.dropped::get));
    }

    /** Whether anyone listens: the consumer skips reading the ticket when nobody does. */
    public boolean hasSubscribers() {
        return !subscribers.isEmpty();
    }

    public int subscriberCount() {
        return subscribers.size();
    }

    /** Offers the change to every subscriber it concerns; never waits. */
    public void publish(LiveEvent event) {
        for (Subscriber subscriber : subscribers) {
            if (!subscriber.filter.test(event)) {
                continue;
            }
            Sinks.EmitResult result = subscriber.sink.tryEmitNext(event);
            if (result == Sinks.EmitResult.FAIL_OVERFLOW) {
                log.info("live subscriber dropped: {} events unread", settings.buffer());
                subscribers.remove(subscriber);
                subscriber.dropped.set(true);
                subscriber.sink.tryEmitComplete();
            } else if (result.isFailure() && result != Sinks.EmitResult.FAIL_CANCELLED
                    && result != Sinks.EmitResult.FAIL_TERMINATED) {
                log.debug("live event not offered: {}", result);
            }
        }
    }

    private record Subscriber(Predicate<LiveEvent> filter, Sinks.Many<LiveEvent> sink, AtomicBoolean dropped) {
    }
}
