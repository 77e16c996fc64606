package io.sori.events.channel;

/** Metadata of an attachment; the content itself never travels on Kafka. */
public record Attachment(String filename, String contentType, long sizeBytes) {
}
