package io.sori.platform.messaging;

import io.micrometer.core.instrument.MeterRegistry;
import io.sori.events.EventCodec;
import io.sori.events.EventEnvelope;
import io.sori.events.SoriEvent;
import io.sori.platform.web.RequestIds;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import io.sori.events.TraceParent;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.header.Header;
import reactor.core.publisher.Flux;

/**
 * Turns one Kafka record into handler calls: decode the envelope, skip unknown types and
 * events this group already processed, run the handlers, remember the event. Runs on a
 * listener thread (not an event loop), so it may wait for the handlers. A failure
 * propagates to the container's error handler: retries, then the dead-letter topic.
 */
public class EventDispatcher {

    private static final Logger log = LoggerFactory.getLogger(EventDispatcher.class);

    private final String group;
    private final Map<Class<?>, List<EventHandler<?>>> handlersByType;
    private final ProcessedEvents processed;
    private final MeterRegistry meters;
    private final Duration handlerTimeout;
    private final Map<String, List<TombstoneHandler>> tombstoneHandlersByTopic;
    private final EventCodec codec = new EventCodec();

    public EventDispatcher(String group, List<EventHandler<?>> handlers, ProcessedEvents processed,
            MeterRegistry meters, Duration handlerTimeout) {
        this(group, handlers, List.of(), processed, meters, handlerTimeout);
    }

    public EventDispatcher(String group, List<EventHandler<?>> handlers, List<TombstoneHandler> tombstoneHandlers,
            ProcessedEvents processed, MeterRegistry meters, Duration handlerTimeout) {
        this.group = group;
        this.tombstoneHandlersByTopic = tombstoneHandlers.stream()
                .collect(Collectors.groupingBy(TombstoneHandler::topic));
        this.handlersByType = handlers.stream().collect(Collectors.groupingBy(EventHandler::eventType));
        this.processed = processed;
        this.meters = meters;
        this.handlerTimeout = handlerTimeout;
    }

    public void dispatch(ConsumerRecord<String, String> record) {
        if (record.value() == null) {
            dispatchTombstone(record);
            return;
        }
        Optional<EventEnvelope<SoriEvent>> decoded = codec.decode(record.value());
        if (decoded.isEmpty()) {
            count(record.topic(), "unknown", "ignored");
            return;
        }
        EventEnvelope<SoriEvent> envelope = decoded.get();
        List<EventHandler<?>> handlers = handlersByType.getOrDefault(envelope.payload().getClass(), List.of());
        if (handlers.isEmpty()) {
            count(record.topic(), envelope.type(), "ignored");
            return;
        }
        String eventId = envelope.eventId().toString();
        TraceParent trace = traceOf(record);
        try (MDC.MDCCloseable ignored = MDC.putCloseable(RequestIds.CORRELATION_ID, envelope.correlationId());
                MDC.MDCCloseable traceId = MDC.putCloseable(RequestIds.TRACE_ID, trace.traceId());
                MDC.MDCCloseable spanId = MDC.putCloseable(RequestIds.SPAN_ID, trace.parentId())) {
            if (Boolean.TRUE.equals(processed.isProcessed(group, eventId).block(handlerTimeout))) {
                count(record.topic(), envelope.type(), "duplicate");
                log.debug("skipping {} {}: already processed", envelope.type(), eventId);
                return;
            }
            Flux.fromIterable(handlers)
                    .concatMap(handler -> invoke(handler, envelope))
                    .then(processed.markProcessed(group, eventId, envelope.type()))
                    .contextWrite(RequestIds.context(null, envelope.correlationId(), trace))
                    .block(handlerTimeout);
            count(record.topic(), envelope.type(), "processed");
        }
    }

    /** A compacted topic's "forget this key": handed to the topic's tombstone handlers, else skipped. */
    private void dispatchTombstone(ConsumerRecord<String, String> record) {
        List<TombstoneHandler> handlers = tombstoneHandlersByTopic.getOrDefault(record.topic(), List.of());
        if (handlers.isEmpty() || record.key() == null) {
            count(record.topic(), "tombstone", "ignored");
            return;
        }
        Flux.fromIterable(handlers)
                .concatMap(handler -> handler.handleTombstone(record.key()))
                .then()
                .block(handlerTimeout);
        count(record.topic(), "tombstone", "processed");
    }

    /** The producer's trace continued by a span of ours; a new trace for records from outside Sori. */
    private static TraceParent traceOf(ConsumerRecord<String, String> record) {
        Header header = record.headers().lastHeader(TraceParent.HEADER);
        return TraceParent.parse(header == null ? null : new String(header.value(), StandardCharsets.UTF_8))
                .map(TraceParent::child).orElseGet(TraceParent::start);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static reactor.core.publisher.Mono<Void> invoke(EventHandler handler, EventEnvelope<SoriEvent> envelope) {
        return handler.handle(envelope);
    }

    private void count(String topic, String type, String outcome) {
        meters.counter("sori.events.consumed", "topic", topic, "type", type, "outcome", outcome).increment();
    }
}
