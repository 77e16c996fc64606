package io.sori.platform.outbox;

import io.sori.events.EventCodec;
import io.sori.events.EventEnvelope;
import io.sori.events.SoriEvent;
import io.sori.platform.web.RequestIds;
import java.time.Instant;

/**
 * An event waiting to be published, stored inside the very document whose change caused
 * it (field {@value OutboxRelay#OUTBOX_FIELD}), so state and event are written in one
 * atomic single-document write. The relay publishes it and then removes it. It carries the
 * trace of the request that caused it into the record's {@code traceparent} header.
 */
public record OutboxMessage(String eventId, String topic, String key, String type, String envelope,
        Instant createdAt, String traceparent) {

    private static final EventCodec CODEC = new EventCodec();

    public static OutboxMessage of(SoriEvent event, String correlationId, Instant now) {
        EventEnvelope<SoriEvent> envelope = EventEnvelope.of(event, correlationId, now);
        return new OutboxMessage(envelope.eventId().toString(), envelope.topic(), envelope.aggregateId(),
                envelope.type(), CODEC.encode(envelope), now, RequestIds.currentTraceParent());
    }
}
