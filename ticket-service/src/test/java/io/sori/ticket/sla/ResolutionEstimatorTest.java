package io.sori.ticket.sla;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.Test;

class ResolutionEstimatorTest {

    private final ResolutionEstimator estimator = new ResolutionEstimator();
    private final BusinessCalendar always = new AlwaysOpen();
    private final BusinessCalendar office = new BusinessHours(KoreanPublicHolidays.defaults());

    private static Instant seoul(String local) {
        return ZonedDateTime.parse(local + "+09:00[Asia/Seoul]").toInstant();
    }

    @Test
    void shouldAddTheQueueAheadSharedByAgentsOnShiftToTheTypicalTimeToResolve() {
        Instant now = seoul("2026-03-03T10:00:00");
        // 6 ahead × 20 min ÷ 3 agents = 40 min wait, plus 1 h to resolve
        var estimate = estimator.estimate(now, always, 6, 3, Duration.ofMinutes(20), Duration.ofHours(1),
                now.plus(Duration.ofHours(4)));
        assertThat(estimate.at()).isEqualTo(now.plus(Duration.ofMinutes(100)));
        assertThat(estimate.basis()).isEqualTo(ResolutionEstimator.Basis.WITHIN_SERVICE_LEVEL);
        assertThat(estimate.basis().notice()).isNull();
    }

    @Test
    void shouldSayWhyRatherThanPromiseTheServiceLevelWhenTheQueueIsLong() {
        Instant now = seoul("2026-03-03T10:00:00");
        Instant due = now.plus(Duration.ofHours(1));
        var estimate = estimator.estimate(now, always, 30, 2, Duration.ofMinutes(10), Duration.ofMinutes(30), due);
        assertThat(estimate.at()).isAfter(due).isEqualTo(now.plus(Duration.ofMinutes(180)));
        assertThat(estimate.basis()).isEqualTo(ResolutionEstimator.Basis.QUEUE_LONGER_THAN_USUAL);
        assertThat(estimate.basis().notice()).contains("늦어지고");
        assertThat(estimate.ahead()).isEqualTo(30);
    }

    @Test
    void shouldCountOnlyTheTeamsWorkingHoursAndSayWhenNobodyIsOnShift() {
        // Friday 17:00 before 설날 2026 (Mon-Wed 16-18 Feb): 2 working hours run 17:00-18:00 Fri, 09:00-10:00 Thu
        Instant friday = seoul("2026-02-13T17:00:00");
        var estimate = estimator.estimate(friday, office, 0, 0, Duration.ofMinutes(30), Duration.ofHours(2), null);
        assertThat(estimate.at()).isEqualTo(seoul("2026-02-19T10:00:00"));
        assertThat(estimate.basis()).isEqualTo(ResolutionEstimator.Basis.NO_AGENT_ON_SHIFT);
    }
}
