package io.sori.ticket.sla;

import static org.assertj.core.api.Assertions.assertThat;

import io.sori.ticket.sla.ResolutionEstimator.Basis;
import io.sori.ticket.sla.ResolutionEstimator.Inputs;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.Test;

class ResolutionEstimatorTest {

    private static final Duration TEN_MINUTES = Duration.ofMinutes(10);
    private static final Duration HOUR = Duration.ofHours(1);

    private final ResolutionEstimator estimator = new ResolutionEstimator();
    private final BusinessCalendar always = new AlwaysOpen();
    private final BusinessCalendar office = new BusinessHours(KoreanPublicHolidays.defaults());

    private static Instant seoul(String local) {
        return ZonedDateTime.parse(local + "+09:00[Asia/Seoul]").toInstant();
    }

    private static Inputs waiting(int ahead, int agents, Duration handling, Duration resolve, Instant due) {
        return new Inputs(ahead, agents, null, handling, resolve, due, null);
    }

    @Test
    void shouldAddTheQueueAheadSharedByAgentsOnShiftToTheTypicalTimeToResolve() {
        Instant now = seoul("2026-03-03T10:00:00");
        // 6 ahead × 20 min ÷ 3 agents = 40 min wait, plus 1 h to resolve
        var estimate = estimator.estimate(now, always, waiting(6, 3, Duration.ofMinutes(20), HOUR,
                now.plus(Duration.ofHours(4))));
        assertThat(estimate.at()).isEqualTo(now.plus(Duration.ofMinutes(100)));
        assertThat(estimate.basis()).isEqualTo(Basis.WITHIN_SERVICE_LEVEL);
        assertThat(estimate.notice()).isNull();
    }

    @Test
    void shouldSayWhyRatherThanPromiseTheServiceLevelWhenTheQueueIsLong() {
        Instant now = seoul("2026-03-03T10:00:00");
        Instant due = now.plus(HOUR);
        var estimate = estimator.estimate(now, always, waiting(30, 2, TEN_MINUTES, Duration.ofMinutes(30), due));
        assertThat(estimate.at()).isAfter(due).isEqualTo(now.plus(Duration.ofMinutes(180)));
        assertThat(estimate.basis()).isEqualTo(Basis.QUEUE_LONGER_THAN_USUAL);
        assertThat(estimate.notice()).contains("늦어지고");
        assertThat(estimate.ahead()).isEqualTo(30);
    }

    @Test
    void shouldPromiseNoTimeWhenNobodyWithTheSkillIsOnShiftOnEitherCalendar() {
        Instant threeAm = seoul("2026-03-03T03:00:00");
        for (BusinessCalendar calendar : new BusinessCalendar[] {always, office}) {
            var estimate = estimator.estimate(threeAm, calendar, waiting(0, 0, TEN_MINUTES, Duration.ofMinutes(60),
                    threeAm.plus(Duration.ofHours(4))));
            assertThat(estimate.known()).isFalse();
            assertThat(estimate.at()).isNull(); // not "in 70 minutes" with nobody there to do it
            assertThat(estimate.basis()).isEqualTo(Basis.NO_AGENT_ON_SHIFT);
            assertThat(estimate.notice()).contains("확정해 드릴 수 없습니다").contains("배정되는 대로")
                    .doesNotContain("영업시간");
        }
    }

    @Test
    void shouldNeverCallA24x7DeskClosedInTheNight() {
        Instant threeAm = seoul("2026-03-03T03:00:00");
        var estimate = estimator.estimate(threeAm, always, waiting(0, 2, TEN_MINUTES, HOUR, null));
        assertThat(estimate.at()).isEqualTo(threeAm.plus(HOUR));
        assertThat(estimate.basis()).isEqualTo(Basis.WITHIN_SERVICE_LEVEL);
        assertThat(estimate.notice()).isNull();
    }

    @Test
    void shouldCountABusinessHoursTeamFromItsNextOpeningAndSaySo() {
        // Friday 17:00 before 설날 2026 (Mon-Wed 16-18 Feb): 2 working hours run 17:00-18:00 Fri, 09:00-10:00 Thu
        Instant friday = seoul("2026-02-13T17:00:00");
        var open = estimator.estimate(friday, office, waiting(0, 1, Duration.ofMinutes(30), Duration.ofHours(2),
                null));
        assertThat(open.at()).isEqualTo(seoul("2026-02-19T10:00:00"));
        assertThat(open.basis()).isEqualTo(Basis.WITHIN_SERVICE_LEVEL);

        Instant saturday = seoul("2026-02-14T11:00:00");
        var closed = estimator.estimate(saturday, office, waiting(0, 1, Duration.ofMinutes(30), Duration.ofHours(2),
                null));
        assertThat(closed.at()).isEqualTo(seoul("2026-02-19T11:00:00"));
        assertThat(closed.basis()).isEqualTo(Basis.OUTSIDE_BUSINESS_HOURS);
        assertThat(closed.notice()).isEqualTo("영업시간 외에 접수되어 2월 19일 09:00 업무 시작부터 처리해 드립니다.");
    }

    @Test
    void shouldCountFromPickupAndAdmitWorkThatRunsLongerThanUsual() {
        Instant pickup = seoul("2026-03-03T10:00:00");
        Inputs picked = new Inputs(0, 0, pickup, TEN_MINUTES, HOUR, null, null);
        var onTime = estimator.estimate(pickup.plus(Duration.ofMinutes(20)), always, picked);
        assertThat(onTime.at()).isEqualTo(pickup.plus(HOUR)); // nobody else on shift does not matter any more
        var late = estimator.estimate(pickup.plus(Duration.ofMinutes(90)), always, picked);
        assertThat(late.at()).isEqualTo(pickup.plus(Duration.ofMinutes(100)));
        assertThat(late.basis()).isEqualTo(Basis.TAKING_LONGER_THAN_USUAL);
    }

    @Test
    void shouldNameTheCustomersDeadlineWhetherTheEstimateMeetsItOrNot() {
        Instant now = seoul("2026-03-03T10:00:00");
        Instant twoPm = seoul("2026-03-03T14:00:00");
        var met = estimator.estimate(now, always, new Inputs(0, 1, null, TEN_MINUTES, HOUR, null, twoPm));
        assertThat(met.at()).isEqualTo(now.plus(HOUR));
        assertThat(met.basis()).isEqualTo(Basis.CUSTOMER_DEADLINE_MET);
        assertThat(met.notice()).isEqualTo("요청하신 기한(3월 3일 14:00) 전에 처리되도록 우선 처리하고 있습니다.");

        var missed = estimator.estimate(now, always, new Inputs(0, 1, null, TEN_MINUTES, Duration.ofHours(6), null,
                twoPm));
        assertThat(missed.at()).isEqualTo(now.plus(Duration.ofHours(6))); // not shortened to the deadline
        assertThat(missed.basis()).isEqualTo(Basis.CUSTOMER_DEADLINE_AT_RISK);
        assertThat(missed.notice()).startsWith("요청하신 기한(3월 3일 14:00)까지 처리를 마치기 어려울 수 있어");
    }
}
