package io.sori.loadharness;

import reactor.core.publisher.Mono;

/** A day at the contact center: of every ten arrivals, two customers write in, six agent reads, two searches. */
final class MixedTraffic implements Traffic {

    private final Traffic intake;
    private final Traffic agents;
    private final Traffic kb;

    MixedTraffic(Traffic intake, Traffic agents, Traffic kb) {
        this.intake = intake;
        this.agents = agents;
        this.kb = kb;
    }

    @Override
    public Mono<?> fire(long seq, long dueAt) {
        int slot = (int) (seq % 10);
        long n = seq / 10;
        if (slot < 2) {
            return intake.fire(n * 2 + slot, dueAt);
        }
        if (slot < 8) {
            return agents.fire(n * 6 + slot - 2, dueAt);
        }
        return kb.fire(n * 2 + slot - 8, dueAt);
    }
}
