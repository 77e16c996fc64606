package io.sori.blocklist.protection;

import io.sori.blocklist.policy.Action;
import java.time.Instant;

/**
 * One offence on the customer's record: an agent's report, or an automatic detection that counted.
 *
 * @param reportedBy the agent, or {@code system} for a detection
 * @param action     what the policy did about it
 * @param blockId    the block it started, if any
 */
public record Report(String reportId, Source source, String reportedBy, String reason, String conversationId,
        String ticketId, String evidence, Instant at, Action action, int rung, String blockId) {

    public enum Source {
        AGENT,
        DETECTION
    }
}
