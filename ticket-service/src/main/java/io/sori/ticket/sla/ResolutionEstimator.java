package io.sori.ticket.sla;

import java.time.Duration;
import java.time.Instant;

/**
 * The honest expected-resolution time told to the customer: the wait for the work ahead in the
 * skill's queue, shared by the agents on shift, plus the category's typical time to resolve once
 * picked up, counted in the team's working hours. When that lands beyond the service level it
 * is not shortened to look good; the estimate says why instead.
 */
public final class ResolutionEstimator {

    /** Why the estimate is what it is; customers are shown {@link #notice}. */
    public enum Basis {
        WITHIN_SERVICE_LEVEL(null),
        QUEUE_LONGER_THAN_USUAL("문의가 많아 평소보다 처리가 늦어지고 있습니다. 최대한 빨리 도와드리겠습니다."),
        NO_AGENT_ON_SHIFT("지금은 담당 상담 시간이 아니어서 다음 상담 시간을 기준으로 안내해 드립니다.");

        private final String notice;

        Basis(String notice) {
            this.notice = notice;
        }

        public String notice() {
            return notice;
        }
    }

    public record Estimate(Instant at, Basis basis, int ahead) {
    }

    /**
     * @param ahead             open, unassigned tickets of the same skill that the queue serves first
     * @param agentsOnShift     agents with the skill who are not offline
     * @param handlingTime      typical agent time per ticket of the skill (drains the queue)
     * @param timeToResolve     typical working time from pickup to resolution for the category
     * @param serviceLevelDueAt the resolution target
     */
    public Estimate estimate(Instant now, BusinessCalendar calendar, int ahead, int agentsOnShift,
            Duration handlingTime, Duration timeToResolve, Instant serviceLevelDueAt) {
        int agents = Math.max(1, agentsOnShift);
        Duration wait = handlingTime.multipliedBy(Math.max(0, ahead)).dividedBy(agents);
        Instant at = calendar.addWorkingTime(now, wait.plus(timeToResolve));
        Basis basis;
        if (agentsOnShift == 0) {
            basis = Basis.NO_AGENT_ON_SHIFT;
        } else if (serviceLevelDueAt != null && at.isAfter(serviceLevelDueAt)) {
            basis = Basis.QUEUE_LONGER_THAN_USUAL;
        } else {
            basis = Basis.WITHIN_SERVICE_LEVEL;
        }
        return new Estimate(at, basis, Math.max(0, ahead));
    }
}
