package io.sori.blocklist.policy;

import java.time.Duration;

/**
 * What an offence leads to.
 *
 * @param rung     the rung taken, counting the first (usually the warning) as 0
 * @param duration how long the block lasts; for a permanent block awaiting approval, how long the
 *                 interim block holds; null for a warning
 * @param capped   an automatic detection whose rung would block was held to a warning
 */
public record Outcome(int rung, Action action, Duration duration, boolean capped) {

    public boolean needsApproval() {
        return action == Action.PERMANENT_BLOCK;
    }

    public boolean blocks() {
        return action != Action.WARNING;
    }
}
