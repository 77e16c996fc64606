package io.sori.ticket.ticket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sori.events.banking.EmergencyAction;
import io.sori.events.channel.Channel;
import io.sori.events.ticket.Priority;
import io.sori.events.ticket.TicketStage;
import io.sori.platform.outbox.OutboxMessage;
import io.sori.platform.web.ProblemException;
import io.sori.ticket.lifecycle.IllegalTransitionException;
import io.sori.ticket.sla.AlwaysOpen;
import io.sori.ticket.sla.BusinessCalendar;
import io.sori.ticket.sla.ResolutionEstimator;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The ticket aggregate on its own: every change records history and events, once. */
class TicketTest {

    private static final Instant T0 = Instant.parse("2026-03-03T01:00:00Z"); // 10:00 KST

    /**
     * 24/7 calendar; reassessment says HIGH for a reopen, as the priority policy would; estimates
     * as ticket-service's rules do with one agent on shift, nobody ahead, 2 h typical resolution.
     */
    private final TicketPolicies policies = new TicketPolicies() {
        @Override
        public BusinessCalendar calendar(String name) {
            return new AlwaysOpen();
        }

        @Override
        public Priority reassess(Ticket ticket, Instant now) {
            return ticket.reopenCount() > 0 && ticket.priority().ordinal() > Priority.HIGH.ordinal()
                    ? Priority.HIGH : ticket.priority();
        }

        @Override
        public Optional<ResolutionEstimator.Estimate> estimate(Ticket ticket, Instant now) {
            return Optional.of(new ResolutionEstimator().estimate(now, new AlwaysOpen(),
                    new ResolutionEstimator.Inputs(0, 1, ticket.pickedUpAt(), Duration.ofMinutes(15),
                            Duration.ofHours(2), ticket.resolutionDueAt(), ticket.deadlineAt())));
        }
    };

    private static Change at(Duration after) {
        return new Change("agent-7", "corr-1", T0.plus(after));
    }

    private static Ticket ticket(Priority priority, Set<EmergencyAction> actions, boolean formal) {
        return ticket(priority, actions, formal, new ResolutionEstimator.Estimate(T0.plus(Duration.ofHours(2)),
                ResolutionEstimator.Basis.WITHIN_SERVICE_LEVEL, 0, null), null);
    }

    private static Ticket ticket(Priority priority, Set<EmergencyAction> actions, boolean formal,
            ResolutionEstimator.Estimate estimate, String upsetRepeatOf) {
        return Ticket.open(new Opening("t-1", "SR-20260303-000001", "cust-1", Channel.CHAT, "conv-1", "int-1",
                "카드를 잃어버렸어요", "지갑째 잃어버렸어요", "CARD_LOSS", "CARD", priority, List.of("LOSS"), null, false,
                formal, "ALWAYS_OPEN", T0.plus(Duration.ofMinutes(10)), T0.plus(Duration.ofHours(4)),
                formal ? T0.plus(Duration.ofDays(20)) : null, null, estimate, actions, null, List.of("카드", "잃어버렸"),
                false, upsetRepeatOf),
                new Change("customer:cust-1", "corr-0", T0));
    }

    private static List<String> types(Ticket t) {
        return t.pendingEvents().stream().map(OutboxMessage::type).toList();
    }

    @Test
    void shouldOpenWithItsEventsAndAskForACardStopOnce() {
        Ticket t = ticket(Priority.URGENT, Set.of(EmergencyAction.SUSPEND_CARD), false);
        assertThat(types(t)).containsExactly("ticket.TicketCreated", "banking.EmergencyActionRequested",
                "ticket.TicketEmergencyActionUpdated");
        assertThat(t.emergencyActions()).singleElement().satisfies(a -> {
            assertThat(a.actionId()).isEqualTo("t-1:SUSPEND_CARD");
            assertThat(a.status()).isEqualTo("REQUESTED");
        });
        assertThat(t.requestEmergencyAction(EmergencyAction.SUSPEND_CARD, "LOSS", at(Duration.ofMinutes(1))))
                .isFalse();
        assertThat(t.emergencyActions()).hasSize(1);
        assertThat(t.queueDueAt()).isEqualTo(T0.plus(Duration.ofMinutes(10)));
        assertThat(t.history()).extracting(HistoryEntry::action).containsExactly("OPENED", "EMERGENCY_REQUESTED");
    }

    @Test
    void shouldSettleAnEmergencyActionOnceAndEscalateAFailureToUrgent() {
        Ticket t = ticket(Priority.HIGH, Set.of(EmergencyAction.FREEZE_ACCOUNT), false);
        Change later = at(Duration.ofMinutes(1));
        assertThat(t.settleEmergencyAction("t-1:FREEZE_ACCOUNT", false, null, "core timeout", later)).isTrue();
        assertThat(t.settleEmergencyAction("t-1:FREEZE_ACCOUNT", true, "FRZ-1", null, later)).isFalse();
        assertThat(t.settleEmergencyAction("t-1:SUSPEND_CARD", true, "CSP-1", null, later)).isFalse();
        assertThat(t.priority()).isEqualTo(Priority.URGENT);
        assertThat(t.escalated()).isTrue();
        assertThat(t.emergencyActions().get(0).status()).isEqualTo("FAILED");
        assertThat(types(t)).contains("ticket.TicketEscalated");
    }

    @Test
    void shouldReportEachBreachOnceAndRaisePriorityOneStepEachTime() {
        Ticket t = ticket(Priority.NORMAL, Set.of(), false);
        assertThat(t.dueBreaches(T0.plus(Duration.ofMinutes(9)))).isEmpty();
        assertThat(t.dueBreaches(T0.plus(Duration.ofMinutes(10)))).containsExactly(Ticket.FIRST_RESPONSE);
        assertThat(t.breach(Ticket.FIRST_RESPONSE, at(Duration.ofMinutes(10)))).isTrue();
        assertThat(t.breach(Ticket.FIRST_RESPONSE, at(Duration.ofMinutes(11)))).isFalse();
        assertThat(t.priority()).isEqualTo(Priority.HIGH);
        assertThat(t.escalated()).isTrue();
        assertThat(t.dueBreaches(T0.plus(Duration.ofHours(5)))).containsExactly(Ticket.RESOLUTION);
        t.breach(Ticket.RESOLUTION, at(Duration.ofHours(5)));
        assertThat(t.priority()).isEqualTo(Priority.URGENT);
        assertThat(types(t).stream().filter(type -> type.equals("ticket.TicketSlaBreached"))).hasSize(2);
        assertThat(types(t).stream().filter(type -> type.equals("ticket.TicketEscalated"))).hasSize(1);
    }

    @Test
    void shouldPauseTheResolutionClockWhileWaitingOnTheCustomer() {
        Ticket t = ticket(Priority.NORMAL, Set.of(), false);
        t.assign("agent-7", at(Duration.ofMinutes(5)), policies);
        t.reply("확인해 보겠습니다.", at(Duration.ofMinutes(5)));
        t.transition(TicketStage.IN_REVIEW, null, at(Duration.ofMinutes(6)), policies);
        t.transition(TicketStage.WAITING_ON_CUSTOMER, "신분증 사본 요청", at(Duration.ofHours(1)), policies);
        assertThat(t.dueBreaches(T0.plus(Duration.ofHours(6)))).isEmpty(); // paused
        // the customer answers after 3 hours: the stage it paused comes back, the clock moves on by 3 hours
        assertThat(t.join("conv-1", "int-2", false, at(Duration.ofHours(4)), policies)).isTrue();
        assertThat(t.stage()).isEqualTo(TicketStage.IN_REVIEW);
        assertThat(t.resolutionDueAt()).isEqualTo(T0.plus(Duration.ofHours(7)));
        // picked up at 00:05 for 2 h of work, 3 h paused: 05:05
        assertThat(t.expectedResolutionAt()).isEqualTo(T0.plus(Duration.ofHours(5)).plus(Duration.ofMinutes(5)));
        assertThat(types(t)).contains("ticket.ExpectedResolutionChanged");
        assertThat(t.join("conv-1", "int-2", false, at(Duration.ofHours(4)), policies)).isFalse(); // redelivered
    }

    @Test
    void shouldReopenWhenTheCustomerWritesAgainAfterResolution() {
        Ticket t = ticket(Priority.NORMAL, Set.of(), false);
        t.transition(TicketStage.IN_REVIEW, null, at(Duration.ofMinutes(1)), policies);
        t.transition(TicketStage.SOLUTION_PROPOSED, null, at(Duration.ofMinutes(2)), policies);
        t.transition(TicketStage.RESOLVED, null, at(Duration.ofMinutes(3)), policies);
        assertThat(t.isOpen()).isFalse();
        assertThat(t.resolvedWithin(Duration.ofDays(7), T0.plus(Duration.ofDays(6)))).isTrue();
        assertThat(t.resolvedWithin(Duration.ofDays(7), T0.plus(Duration.ofDays(8)))).isFalse();

        t.join("conv-1", "int-9", false, at(Duration.ofDays(1)), policies);
        assertThat(t.stage()).isEqualTo(TicketStage.IN_REVIEW);
        assertThat(t.reopenCount()).isEqualTo(1);
        assertThat(t.priority()).isEqualTo(Priority.HIGH);
        assertThat(t.resolvedAt()).isNull();
        assertThat(types(t)).contains("ticket.TicketResolved", "ticket.TicketReopened");
        assertThatThrownBy(() -> t.transition(TicketStage.CLOSED, null, at(Duration.ofDays(1)), policies))
                .isInstanceOf(IllegalTransitionException.class);
    }

    @Test
    void shouldConfirmAComplaintOnceAndAllowOneExtension() {
        Ticket t = ticket(Priority.HIGH, Set.of(), true);
        assertThat(t.confirmReceipt("김상담", "1599-0000", at(Duration.ZERO))).isTrue();
        assertThat(t.confirmReceipt("이상담", "1599-0000", at(Duration.ofSeconds(1)))).isFalse();
        Instant extended = T0.plus(Duration.ofDays(34));
        t.extendRegulatoryDeadline(extended, "추가 확인이 필요해 연장합니다.", at(Duration.ofDays(10)));
        assertThat(t.regulatoryDueAt()).isEqualTo(extended);
        assertThatThrownBy(() -> t.extendRegulatoryDeadline(extended.plus(Duration.ofDays(1)), "또 연장",
                at(Duration.ofDays(11))))
                .isInstanceOfSatisfying(ProblemException.class, p -> assertThat(p.type()).isEqualTo("extension-used"));
        assertThat(ticket(Priority.NORMAL, Set.of(), false).confirmReceipt("김상담", "x", at(Duration.ZERO)))
                .isFalse();
    }

    @Test
    void shouldReestimateAndTellTheCustomerOnAssignmentOnStageChangesAndOnReopen() {
        // opened with nobody on shift: no time promised, only the reason
        Ticket t = ticket(Priority.NORMAL, Set.of(), false, new ResolutionEstimator.Estimate(null,
                ResolutionEstimator.Basis.NO_AGENT_ON_SHIFT, 3, "아직 확정해 드릴 수 없습니다."), null);
        assertThat(t.expectedResolutionAt()).isNull();

        t.assign("agent-7", at(Duration.ofHours(8)), policies);
        assertThat(t.expectedResolutionAt()).isEqualTo(T0.plus(Duration.ofHours(10)));
        assertThat(t.expectedResolutionBasis()).isEqualTo("WITHIN_SERVICE_LEVEL");
        assertThat(types(t)).containsSubsequence("ticket.TicketAssigned", "ticket.ExpectedResolutionChanged");

        // a stage change carries the current estimate; the same estimate is not announced twice
        t.transition(TicketStage.IN_REVIEW, null, at(Duration.ofHours(9)), policies);
        assertThat(types(t).stream().filter("ticket.ExpectedResolutionChanged"::equals)).hasSize(1);
        // work running past its typical time gets a new, honest estimate at the next stage change
        t.transition(TicketStage.SOLUTION_PROPOSED, null, at(Duration.ofHours(11)), policies);
        assertThat(t.expectedResolutionAt()).isEqualTo(T0.plus(Duration.ofHours(11)).plus(Duration.ofMinutes(15)));
        assertThat(t.expectedResolutionNotice()).contains("시간이 더 걸리고");
        assertThat(types(t).stream().filter("ticket.ExpectedResolutionChanged"::equals)).hasSize(2);

        t.transition(TicketStage.RESOLVED, null, at(Duration.ofHours(12)), policies);
        t.transition(TicketStage.IN_REVIEW, "CUSTOMER_WROTE_AGAIN", at(Duration.ofHours(20)), policies);
        assertThat(t.expectedResolutionAt()).isEqualTo(T0.plus(Duration.ofHours(22)));
        assertThat(types(t).stream().filter("ticket.ExpectedResolutionChanged"::equals)).hasSize(3);
        assertThat(t.history()).extracting(HistoryEntry::action).filteredOn("ESTIMATE_CHANGED"::equals).hasSize(3);
    }

    @Test
    void shouldFlagAnAngryRepeatContactInTheHistoryAndRaiseItToAtLeastHigh() {
        Ticket t = ticket(Priority.LOW, Set.of(), false, new ResolutionEstimator.Estimate(T0,
                ResolutionEstimator.Basis.WITHIN_SERVICE_LEVEL, 0, null), "SR-20260301-000007");
        assertThat(t.upsetRepeatContact()).isTrue();
        assertThat(t.priority()).isEqualTo(Priority.HIGH);
        assertThat(t.history()).extracting(HistoryEntry::action).contains("UPSET_REPEAT_CONTACT", "PRIORITY_RAISED");

        Ticket urgent = ticket(Priority.URGENT, Set.of(), false);
        urgent.flagUpsetRepeatContact("int-3", "같은 건 재문의", at(Duration.ofMinutes(1)));
        assertThat(urgent.priority()).isEqualTo(Priority.URGENT); // never lowered
    }

    @Test
    void shouldKeepTheIdentityVerifiedOnceAnyContactWasVerified() {
        Ticket t = ticket(Priority.NORMAL, Set.of(), false);
        assertThat(t.identityVerified()).isFalse();
        t.join("conv-2", "int-2", true, at(Duration.ofMinutes(1)), policies);
        t.join("conv-3", "int-3", false, at(Duration.ofMinutes(2)), policies); // e.g. a later email
        assertThat(t.identityVerified()).isTrue();
    }
}
