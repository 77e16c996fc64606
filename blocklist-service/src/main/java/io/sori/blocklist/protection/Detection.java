package io.sori.blocklist.protection;

import java.time.Instant;
import java.util.List;

/**
 * What the detector found in one customer message.
 *
 * @param interactionId the message (channel-service's interaction id)
 * @param terms         the expressions found, as the lexicon spells them
 * @param matched       the same expressions as the customer wrote them
 * @param excerpt       the message (PII-redacted at the edge), cut to the configured length
 * @param reportId      the offence it counted as, or null when the conversation had already counted one
 */
public record Detection(String interactionId, String conversationId, String channel, String category,
        List<String> terms, List<String> matched, String excerpt, Instant at, String reportId) {
}
