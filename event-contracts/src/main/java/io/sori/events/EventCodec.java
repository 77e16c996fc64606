package io.sori.events;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.cfg.DateTimeFeature;
import tools.jackson.databind.cfg.EnumFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Envelope JSON, written and read. Readers are tolerant: unknown fields are ignored,
 * unknown enum values read as null and unknown event types are skipped (empty), so a
 * producer can evolve without breaking its consumers. Only a record that is not an
 * envelope at all is {@link MalformedEventException malformed}.
 */
public final class EventCodec {

    private final JsonMapper json = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(EnumFeature.READ_UNKNOWN_ENUM_VALUES_AS_NULL)
            .disable(DateTimeFeature.WRITE_DATES_AS_TIMESTAMPS)
            .build();

    public String encode(EventEnvelope<?> envelope) {
        return json.writeValueAsString(envelope);
    }

    /** Reads an envelope; empty when its type is not one this build knows. */
    public Optional<EventEnvelope<SoriEvent>> decode(String text) {
        JsonNode root;
        try {
            root = json.readTree(text == null ? "" : text);
        } catch (JacksonException e) {
            throw new MalformedEventException("not JSON: " + e.getOriginalMessage(), e);
        }
        if (root == null || !root.isObject()) {
            throw new MalformedEventException("an envelope must be a JSON object");
        }
        String type = requiredText(root, "type");
        Optional<EventCatalog.Entry> entry = EventCatalog.entryFor(type);
        if (entry.isEmpty()) {
            return Optional.empty();
        }
        try {
            UUID eventId = UUID.fromString(requiredText(root, "eventId"));
            Instant occurredAt = Instant.parse(requiredText(root, "occurredAt"));
            JsonNode payloadNode = root.get("payload");
            if (payloadNode == null || !payloadNode.isObject()) {
                throw new MalformedEventException("envelope " + eventId + " has no payload object");
            }
            SoriEvent payload = json.treeToValue(payloadNode, entry.get().javaType());
            JsonNode correlation = root.get("correlationId");
            return Optional.of(new EventEnvelope<>(eventId, type, root.path("version").asInt(1), occurredAt,
                    requiredText(root, "aggregateId"),
                    correlation == null || correlation.isNull() ? null : correlation.asString(),
                    payload));
        } catch (JacksonException | IllegalArgumentException | java.time.DateTimeException e) {
            throw new MalformedEventException("bad " + type + " envelope: " + e.getMessage(), e);
        }
    }

    private static String requiredText(JsonNode root, String field) {
        JsonNode node = root.get(field);
        if (node == null || !node.isString() || node.asString().isBlank()) {
            throw new MalformedEventException("envelope field '" + field + "' is missing");
        }
        return node.asString();
    }
}
