package io.sori.events.blocklist;

import io.sori.events.SoriEvent;
import java.time.Instant;

/**
 * An agent who reported abuse pauses: routing gives them no new work until {@code until}
 * (Occupational Safety and Health Act art. 41: the bank lets the agent pause after abuse).
 * Travels on the blocklist topic under the key {@code agent:<agentId>}, so compaction keeps each
 * agent's latest rest beside, and never in place of, a customer's block state.
 */
public record AgentRestGranted(String agentId, Instant until, String reportId) implements SoriEvent {

    public static final String KEY_PREFIX = "agent:";

    @Override
    public String aggregateId() {
        return KEY_PREFIX + agentId;
    }
}
