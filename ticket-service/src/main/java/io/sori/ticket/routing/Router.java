package io.sori.ticket.routing;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * Who should get the head of a skill queue: among available agents with the skill and room in
 * both their concurrent and daily capacity, the least loaded first (share of concurrent capacity
 * in use, then work taken today, then who waited longest since their last ticket). Escalated work
 * goes to supervisors first. An agent resting after reporting abuse gets nothing new.
 */
public final class Router {

    /** What routing needs to know of an agent; {@code resting}: pausing after reporting abuse. */
    public record Candidate(String agentId, Set<String> skills, AgentStatus status, boolean supervisor,
            int active, int maxConcurrent, int assignedToday, int maxDaily, Instant lastAssignedAt, boolean resting) {

        public Candidate(String agentId, Set<String> skills, AgentStatus status, boolean supervisor, int active,
                int maxConcurrent, int assignedToday, int maxDaily, Instant lastAssignedAt) {
            this(agentId, skills, status, supervisor, active, maxConcurrent, assignedToday, maxDaily, lastAssignedAt,
                    false);
        }

        boolean canTake(String skill) {
            return status == AgentStatus.AVAILABLE && !resting && skills.contains(skill)
                    && active < maxConcurrent && assignedToday < maxDaily;
        }

        double load() {
            return maxConcurrent == 0 ? 1.0 : (double) active / maxConcurrent;
        }
    }

    private static final Comparator<Candidate> LEAST_LOADED = Comparator.comparingDouble(Candidate::load)
            .thenComparingInt(Candidate::assignedToday)
            .thenComparing(Candidate::lastAssignedAt, Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparing(Candidate::agentId);

    /** Agents to try, best first; the caller claims capacity atomically and moves on if one filled up. */
    public List<Candidate> rank(List<Candidate> agents, String skill, boolean escalated) {
        Comparator<Candidate> order = escalated
                ? Comparator.comparing((Candidate c) -> !c.supervisor()).thenComparing(LEAST_LOADED)
                : LEAST_LOADED;
        return agents.stream().filter(a -> a.canTake(skill)).sorted(order).toList();
    }
}
