package io.sori.ticket.sla;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * The honest expected-resolution time told to the customer, counted in the team's working time.
 *
 * <ul>
 *   <li>Waiting in the queue: the work ahead in the skill's queue shared by the agents on shift,
 *   then the category's typical time to resolve.</li>
 *   <li>Nobody with the skill on shift: no time is promised (there is no shift plan to count
 *   from); the customer is told it is not known yet and is told again when someone picks it up.</li>
 *   <li>Picked up (assigned, or reopened): the typical time to resolve from then; work that has
 *   taken longer than that gets one more handling time from now, and says so.</li>
 *   <li>Received while a business-hours team is closed: counted from its next opening, and said so;
 *   a 24/7 desk is never "closed".</li>
 *   <li>Beyond the service level, or beyond the customer's own deadline, it is not shortened to
 *   look good: the notice says why (the deadline by name).</li>
 * </ul>
 */
public final class ResolutionEstimator {

    private static final DateTimeFormatter KOREAN = DateTimeFormatter.ofPattern("M월 d일 HH:mm", Locale.KOREAN);

    /** Why the estimate is what it is. */
    public enum Basis {
        WITHIN_SERVICE_LEVEL,
        QUEUE_LONGER_THAN_USUAL,
        OUTSIDE_BUSINESS_HOURS,
        TAKING_LONGER_THAN_USUAL,
        NO_AGENT_ON_SHIFT,
        CUSTOMER_DEADLINE_MET,
        CUSTOMER_DEADLINE_AT_RISK
    }

    /**
     * @param at     the expected resolution; null when it cannot honestly be known
     * @param notice what the customer is told about it; null when nothing needs saying
     */
    public record Estimate(Instant at, Basis basis, int ahead, String notice) {

        public boolean known() {
            return at != null;
        }
    }

    /**
     * What the estimate is computed from.
     *
     * @param ahead             open, unassigned tickets of the same skill the queue serves first
     * @param agentsOnShift     agents with the skill who are not offline
     * @param pickedUpAt        when an agent took it up (assignment, or a reopen); null while it waits
     * @param handlingTime      typical agent time per ticket of the skill (drains the queue)
     * @param timeToResolve     typical working time from pickup to resolution for the category
     * @param serviceLevelDueAt the resolution target, may be null
     * @param customerDeadline  a deadline the customer named, may be null
     */
    public record Inputs(int ahead, int agentsOnShift, Instant pickedUpAt, Duration handlingTime,
            Duration timeToResolve, Instant serviceLevelDueAt, Instant customerDeadline) {
    }

    public Estimate estimate(Instant now, BusinessCalendar calendar, Inputs in) {
        int ahead = Math.max(0, in.ahead());
        if (in.pickedUpAt() == null && in.agentsOnShift() <= 0) {
            return new Estimate(null, Basis.NO_AGENT_ON_SHIFT, ahead,
                    "지금은 이 업무를 맡을 상담사가 근무 중이 아니어서 처리 예정 시각을 아직 확정해 드릴 수 없습니다. "
                            + "담당 상담사가 배정되는 대로 처리 예정 시각을 다시 안내해 드리겠습니다.");
        }
        Instant at;
        Basis basis = Basis.WITHIN_SERVICE_LEVEL;
        if (in.pickedUpAt() != null) {
            at = calendar.addWorkingTime(in.pickedUpAt(), in.timeToResolve());
            if (!at.isAfter(now)) {
                at = calendar.addWorkingTime(now, in.handlingTime());
                basis = Basis.TAKING_LONGER_THAN_USUAL;
            }
        } else {
            Duration wait = in.handlingTime().multipliedBy(ahead).dividedBy(in.agentsOnShift());
            at = calendar.addWorkingTime(now, wait.plus(in.timeToResolve()));
            if (in.serviceLevelDueAt() != null && at.isAfter(in.serviceLevelDueAt())) {
                basis = Basis.QUEUE_LONGER_THAN_USUAL;
            } else if (!calendar.isOpen(now)) {
                basis = Basis.OUTSIDE_BUSINESS_HOURS;
            }
        }
        if (in.customerDeadline() != null && in.customerDeadline().isAfter(now)) {
            basis = at.isAfter(in.customerDeadline()) ? Basis.CUSTOMER_DEADLINE_AT_RISK : Basis.CUSTOMER_DEADLINE_MET;
        }
        return new Estimate(at, basis, ahead, notice(basis, calendar, now, in.customerDeadline()));
    }

    private static String notice(Basis basis, BusinessCalendar calendar, Instant now, Instant deadline) {
        return switch (basis) {
            case WITHIN_SERVICE_LEVEL, NO_AGENT_ON_SHIFT -> null;
            case QUEUE_LONGER_THAN_USUAL -> "문의가 많아 평소보다 처리가 늦어지고 있습니다. 최대한 빨리 도와드리겠습니다.";
            case OUTSIDE_BUSINESS_HOURS -> "영업시간 외에 접수되어 " + korean(calendar.nextOpening(now))
                    + " 업무 시작부터 처리해 드립니다.";
            case TAKING_LONGER_THAN_USUAL -> "확인할 내용이 많아 평소보다 시간이 더 걸리고 있습니다. 양해 부탁드립니다.";
            case CUSTOMER_DEADLINE_MET -> "요청하신 기한(" + korean(deadline) + ") 전에 처리되도록 우선 처리하고 있습니다.";
            case CUSTOMER_DEADLINE_AT_RISK -> "요청하신 기한(" + korean(deadline) + ")까지 처리를 마치기 어려울 수 있어 "
                    + "우선 처리 대상으로 접수했습니다. 담당자가 기한 전에 먼저 연락드리겠습니다.";
        };
    }

    private static String korean(Instant moment) {
        return ZonedDateTime.ofInstant(moment, BusinessCalendar.SEOUL).format(KOREAN);
    }
}
