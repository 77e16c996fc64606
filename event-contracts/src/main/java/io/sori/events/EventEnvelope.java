package io.sori.events;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * The JSON envelope every event travels in. {@code type} is a logical name
 * ({@code ticket.TicketCreated}), never a Java class name, so consumers need not share
 * the producer's packages.
 */
public record EventEnvelope<E extends SoriEvent>(
        UUID eventId,
        String type,
        int version,
        Instant occurredAt,
        String aggregateId,
        String correlationId,
        E payload) {

    public EventEnvelope {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(aggregateId, "aggregateId");
        Objects.requireNonNull(payload, "payload");
    }

    /** A new envelope for an event that just happened. */
    public static <E extends SoriEvent> EventEnvelope<E> of(E event, String correlationId, Instant occurredAt) {
        EventCatalog.Entry entry = EventCatalog.entryFor(event.getClass());
        return new EventEnvelope<>(UUID.randomUUID(), entry.type(), entry.version(), occurredAt,
                event.aggregateId(), correlationId, event);
    }

    /** The topic this envelope is published on. */
    public String topic() {
        return EventCatalog.entryFor(payload.getClass()).topic();
    }
}
