package io.sori.blocklist.policy;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The escalating policy (a table in application.yml): a customer's n-th offence within the
 * lookback takes the n-th rung of the ladder (the first offence rung 0, usually a warning), the
 * last rung repeating. Some reasons start higher: a threat or sexual harassment blocks at once.
 * Automatic detections count as offences but, unless configured otherwise, only ever warn: a
 * block takes a person's report. Framework-free.
 */
public final class EscalationPolicy {

    private final List<Rung> ladder;
    private final Map<String, Integer> firstRung;
    private final Duration lookback;
    private final boolean detectionsMayBlock;

    public EscalationPolicy(List<Rung> ladder, Map<String, Integer> firstRung, Duration lookback,
            boolean detectionsMayBlock) {
        if (ladder == null || ladder.isEmpty()) {
            throw new IllegalArgumentException("the ladder needs at least one rung");
        }
        this.ladder = List.copyOf(ladder);
        this.firstRung = firstRung == null ? Map.of() : Map.copyOf(firstRung);
        this.lookback = lookback;
        this.detectionsMayBlock = detectionsMayBlock;
        this.firstRung.forEach((reason, rung) -> {
            if (rung < 0 || rung >= this.ladder.size()) {
                throw new IllegalArgumentException("first rung of " + reason + " is outside the ladder: " + rung);
            }
        });
    }

    /**
     * @param reason         PROFANITY, THREAT, SEXUAL_HARASSMENT, OBSTRUCTION or SPAM
     * @param priorOffences  the customer's offences within the lookback before this one
     * @param automatic      found by the detector rather than reported by an agent
     */
    public Outcome decide(String reason, int priorOffences, boolean automatic) {
        int rung = Math.min(Math.max(firstRung.getOrDefault(reason, 0), priorOffences), ladder.size() - 1);
        Rung step = ladder.get(rung);
        if (automatic && !detectionsMayBlock && step.action() != Action.WARNING) {
            return new Outcome(rung, Action.WARNING, null, true);
        }
        Duration duration = step.action() == Action.PERMANENT_BLOCK ? interimBelow(rung) : step.duration();
        return new Outcome(rung, step.action(), duration, false);
    }

    /** Offences older than this no longer count. */
    public Duration lookback() {
        return lookback;
    }

    public List<Rung> ladder() {
        return ladder;
    }

    /** The longest timed block below a permanent one: what holds until a supervisor decides. */
    private Duration interimBelow(int rung) {
        return ladder.subList(0, rung).stream().filter(r -> r.action() == Action.BLOCK).map(Rung::duration)
                .max(Duration::compareTo).orElse(Duration.ofDays(1));
    }
}
