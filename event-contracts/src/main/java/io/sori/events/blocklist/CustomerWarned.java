package io.sori.events.blocklist;

/** @param reason PROFANITY, THREAT, SEXUAL_HARASSMENT, OBSTRUCTION or SPAM */
public record CustomerWarned(String customerId, String reportId, String reason, int warnings, BlockState state)
        implements BlocklistEvent {
}
