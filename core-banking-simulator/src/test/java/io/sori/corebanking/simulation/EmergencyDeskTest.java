package io.sori.corebanking.simulation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sori.corebanking.simulation.ActionRecord.Outcome;
import io.sori.events.banking.EmergencyAction;
import io.sori.events.banking.EmergencyActionCompleted;
import io.sori.events.banking.EmergencyActionFailed;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class EmergencyDeskTest {

    private static final Instant NOW = Instant.parse("2026-11-24T01:00:00Z");
    private static final String CUSTOMER = "cust-1001";

    private final EmergencyDesk desk = new EmergencyDesk(new FailurePolicy(List.of("cust-fail-"), 0.0, () -> 0.0));

    @Test
    void shouldFreezeAnUnrestrictedAccountUnderANewReference() {
        Request request = freeze("act-1");
        CustomerStanding clean = CustomerStanding.clean(CUSTOMER);

        Decision decision = desk.decide(request, clean);
        Answer answer = desk.carryOut(decision, request, clean, "FRZ-20261124-000001", NOW);

        assertThat(decision).isEqualTo(new Decision.Restrict(EmergencyAction.FREEZE_ACCOUNT));
        assertThat(decision.needsReference()).isTrue();
        assertThat(answer.kind()).isEqualTo(Answer.Kind.COMPLETED);
        assertThat(answer.standing().accountFrozen()).isTrue();
        assertThat(answer.standing().cardSuspended()).isFalse();
        assertThat(answer.standing().accountFreeze())
                .isEqualTo(new Restriction("FRZ-20261124-000001", "act-1", "ticket-1", "보이스피싱 의심", NOW));
        assertThat(answer.action().answer()).isEqualTo(new EmergencyActionCompleted("act-1", "ticket-1", CUSTOMER,
                EmergencyAction.FREEZE_ACCOUNT, "FRZ-20261124-000001", NOW));
        assertThat(answer.standing().actions()).containsExactly(answer.action());
    }

    @Test
    void shouldAnswerARepeatedActionIdExactlyAsBeforeAndFreezeNothingTwice() {
        Answer first = freezeOnClean("act-1", "FRZ-20261124-000001");
        Instant later = NOW.plus(Duration.ofMinutes(3));

        Decision again = desk.decide(freeze("act-1"), first.standing());
        Answer repeat = desk.carryOut(again, freeze("act-1"), first.standing(), "FRZ-20261124-000099", later);

        assertThat(again).isEqualTo(new Decision.Repeat(first.action()));
        assertThat(again.needsReference()).isFalse();
        assertThat(repeat.kind()).isEqualTo(Answer.Kind.REPEATED);
        assertThat(repeat.action().answer()).isEqualTo(first.action().answer());
        assertThat(repeat.standing().accountFreeze()).isEqualTo(first.standing().accountFreeze());
        assertThat(repeat.standing().actions()).singleElement().satisfies(action -> {
            assertThat(action.requests()).isEqualTo(2);
            assertThat(action.lastRequestedAt()).isEqualTo(later);
            assertThat(action.answeredAt()).isEqualTo(NOW);
        });
    }

    @Test
    void shouldCompleteAFreezeOfAFrozenAccountWithTheFreezeInEffect() {
        Answer first = freezeOnClean("act-1", "FRZ-20261124-000001");
        Request second = freeze("act-2");

        Decision decision = desk.decide(second, first.standing());
        Answer answer = desk.carryOut(decision, second, first.standing(), null, NOW.plusSeconds(60));

        assertThat(decision).isInstanceOf(Decision.AlreadyInEffect.class);
        assertThat(answer.kind()).isEqualTo(Answer.Kind.ALREADY_IN_EFFECT);
        assertThat(answer.action().outcome()).isEqualTo(Outcome.COMPLETED);
        assertThat(answer.action().alreadyInEffect()).isTrue();
        assertThat(answer.action().bankReference()).isEqualTo("FRZ-20261124-000001");
        assertThat(answer.standing().accountFreeze()).isEqualTo(first.standing().accountFreeze());
        assertThat(answer.standing().actions()).extracting(ActionRecord::actionId).containsExactly("act-1", "act-2");
    }

    @Test
    void shouldStopACardWhateverTheAccountFreeze() {
        Answer frozen = freezeOnClean("act-1", "FRZ-20261124-000001");
        Request stop = new Request("act-2", "ticket-2", CUSTOMER, EmergencyAction.SUSPEND_CARD, "카드 분실");

        Decision decision = desk.decide(stop, frozen.standing());
        Answer answer = desk.carryOut(decision, stop, frozen.standing(), "CSP-20261124-000001", NOW);

        assertThat(decision).isEqualTo(new Decision.Restrict(EmergencyAction.SUSPEND_CARD));
        assertThat(answer.standing().cardSuspension().reference()).isEqualTo("CSP-20261124-000001");
        assertThat(answer.standing().accountFreeze()).isEqualTo(frozen.standing().accountFreeze());
    }

    @Test
    void shouldAlwaysFailAConfiguredCustomerWithAReasonAnAgentCanRead() {
        Request request = new Request("act-1", "ticket-1", "cust-fail-7", EmergencyAction.FREEZE_ACCOUNT, "사기 신고");
        CustomerStanding clean = CustomerStanding.clean("cust-fail-7");

        Answer answer = desk.carryOut(desk.decide(request, clean), request, clean, null, NOW);

        assertThat(answer.kind()).isEqualTo(Answer.Kind.FAILED);
        assertThat(answer.standing().accountFrozen()).isFalse();
        assertThat(answer.action().answer()).isEqualTo(new EmergencyActionFailed("act-1", "ticket-1", "cust-fail-7",
                EmergencyAction.FREEZE_ACCOUNT, "계좌 상태 확인 불가 (core timeout)"));
    }

    @Test
    void shouldAnswerARepeatedFailureAsAFailureEvenOnceTheCoreWouldSucceed() {
        EmergencyDesk failing = new EmergencyDesk(new FailurePolicy(List.of(CUSTOMER), 0.0, () -> 0.0));
        CustomerStanding clean = CustomerStanding.clean(CUSTOMER);
        Answer failed = failing.carryOut(failing.decide(freeze("act-1"), clean), freeze("act-1"), clean, null, NOW);

        Decision again = desk.decide(freeze("act-1"), failed.standing());

        assertThat(again).isEqualTo(new Decision.Repeat(failed.action()));
        assertThat(desk.carryOut(again, freeze("act-1"), failed.standing(), null, NOW).action().answer())
                .isEqualTo(failed.action().answer());
    }

    @Test
    void shouldFailAtTheConfiguredRateOnlyWhenTheDrawFallsBelowIt() {
        EmergencyDesk unlucky = new EmergencyDesk(new FailurePolicy(List.of(), 0.25, () -> 0.10));
        EmergencyDesk lucky = new EmergencyDesk(new FailurePolicy(List.of(), 0.25, () -> 0.30));
        CustomerStanding clean = CustomerStanding.clean(CUSTOMER);

        assertThat(unlucky.decide(freeze("act-1"), clean))
                .isEqualTo(new Decision.Refuse("계좌 상태 확인 불가 (core timeout)"));
        assertThat(lucky.decide(freeze("act-1"), clean)).isInstanceOf(Decision.Restrict.class);
    }

    @Test
    void shouldFailAnActionThisCoreDoesNotKnow() {
        Request unknown = new Request("act-1", "ticket-1", CUSTOMER, null, "?");

        Decision decision = desk.decide(unknown, CustomerStanding.clean(CUSTOMER));

        assertThat(decision).isEqualTo(new Decision.Refuse(EmergencyDesk.UNSUPPORTED_ACTION));
    }

    @Test
    void shouldAnswerAReusedActionIdWithItsOriginalAnswerAndDoNothingForTheNewCustomer() {
        Answer original = freezeOnClean("act-1", "FRZ-20261124-000001");
        Request reused = new Request("act-1", "ticket-9", "cust-2002", EmergencyAction.SUSPEND_CARD, "카드 분실");

        Decision decision = desk.decide(reused, original.standing());
        Answer answer = desk.carryOut(decision, reused, original.standing(), null, NOW);

        assertThat(answer.kind()).isEqualTo(Answer.Kind.REPEATED);
        assertThat(answer.action().answer()).isEqualTo(original.action().answer());
        assertThat(answer.action().sameRequestAs(reused)).isFalse();
        assertThat(answer.standing().customerId()).isEqualTo(CUSTOMER);
    }

    @Test
    void shouldRefuseToDecideANewActionOnAnotherCustomersStanding() {
        assertThatThrownBy(() -> desk.decide(freeze("act-1"), CustomerStanding.clean("cust-2002")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void shouldNotRestrictWithoutAReference() {
        CustomerStanding clean = CustomerStanding.clean(CUSTOMER);
        Decision decision = desk.decide(freeze("act-1"), clean);

        assertThatThrownBy(() -> desk.carryOut(decision, freeze("act-1"), clean, " ", NOW))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private Answer freezeOnClean(String actionId, String reference) {
        CustomerStanding clean = CustomerStanding.clean(CUSTOMER);
        return desk.carryOut(desk.decide(freeze(actionId), clean), freeze(actionId), clean, reference, NOW);
    }

    private static Request freeze(String actionId) {
        return new Request(actionId, "ticket-1", CUSTOMER, EmergencyAction.FREEZE_ACCOUNT, "보이스피싱 의심");
    }
}
