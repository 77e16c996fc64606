package io.sori.channel.conversation;

import java.time.Instant;

/**
 * One message of a conversation, either direction. Text is stored as received for now;
 * redaction at the edge comes with the channel adapters.
 *
 * @param from CUSTOMER, BOT, SYSTEM or AGENT
 */
public record Message(String id, String from, String text, Instant at) {
}
