package io.sori.blocklist.protection;

import io.sori.events.channel.Channel;
import java.time.Instant;
import java.util.List;

/**
 * One block of a customer, from the report that started it to how it ended.
 *
 * @param until  when it ends by itself; null once a permanent block is approved
 * @param status PENDING_APPROVAL (a permanent block waiting for a supervisor, the interim block in
 *               force), ACTIVE, EXPIRED, LIFTED, SUPERSEDED (a later block took over) or
 *               SENIOR_HANDLER (a supervisor chose a dedicated handler over a permanent block)
 */
public record Block(String blockId, String reportId, String reason, int level, List<Channel> channels,
        Instant startedAt, Instant until, Status status, String decidedBy, Instant decidedAt, String decision) {

    public enum Status {
        PENDING_APPROVAL,
        ACTIVE,
        EXPIRED,
        LIFTED,
        SUPERSEDED,
        SENIOR_HANDLER;

        boolean inForce() {
            return this == PENDING_APPROVAL || this == ACTIVE;
        }
    }

    public boolean inForceAt(Instant now) {
        return status.inForce() && (until == null || until.isAfter(now));
    }

    Block with(Status status, Instant until, String decidedBy, Instant decidedAt, String decision) {
        return new Block(blockId, reportId, reason, level, channels, startedAt, until, status, decidedBy, decidedAt,
                decision);
    }
}
