package io.sori.ticket.priority;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sori.events.ticket.Priority;
import io.sori.events.Category;
import io.sori.ticket.classification.Classification;
import io.sori.ticket.classification.Classifier;
import io.sori.platform.intent.UrgencySignal;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.Arrays;
import java.util.Set;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class PriorityPolicyTest {

    private static final Instant NOW = Instant.parse("2026-03-02T01:15:00Z");

    private final PriorityPolicy policy = new PriorityPolicy();

    private static PriorityInputs inputs(Category category, UrgencySignal... signals) {
        return new PriorityInputs(category, Set.of(signals), null, NOW, false, 0, false, false);
    }

    private static PriorityInputs withDeadline(Duration fromNow) {
        return new PriorityInputs(Category.TRANSFER_LIMIT, Set.of(UrgencySignal.DEADLINE), NOW.plus(fromNow), NOW,
                false, 0, false, false);
    }

    @Nested
    class Urgent {

        @ParameterizedTest
        @EnumSource(value = UrgencySignal.class, names = {"VOICE_PHISHING", "FRAUD", "IDENTITY_THEFT", "HACKING"})
        void shouldPutMoneyAtRiskFirstWhateverTheCategory(UrgencySignal signal) {
            assertThat(policy.decide(inputs(Category.GENERAL, signal))).isEqualTo(Priority.URGENT);
            assertThat(policy.decide(inputs(Category.FRAUD, signal))).isEqualTo(Priority.URGENT);
        }

        @ParameterizedTest
        @EnumSource(value = UrgencySignal.class, names = {"LOSS", "THEFT"})
        void shouldPutALostOrStolenCardFirst(UrgencySignal signal) {
            assertThat(policy.decide(inputs(Category.CARD_LOSS, signal))).isEqualTo(Priority.URGENT);
        }

        @Test
        void shouldPutADeadlineWithinFourHoursFirst() {
            assertThat(policy.decide(withDeadline(Duration.ofHours(4)))).isEqualTo(Priority.URGENT);
            assertThat(policy.decide(withDeadline(Duration.ofMinutes(10)))).isEqualTo(Priority.URGENT);
        }

        @Test
        void shouldPutAMissedDeadlineFirst() {
            assertThat(policy.decide(withDeadline(Duration.ofMinutes(-30)))).isEqualTo(Priority.URGENT);
        }
    }

    @Nested
    class High {

        @Test
        void shouldRaiseADeadlineWithinADay() {
            assertThat(policy.decide(withDeadline(Duration.ofHours(4).plusSeconds(1)))).isEqualTo(Priority.HIGH);
            assertThat(policy.decide(withDeadline(Duration.ofHours(24)))).isEqualTo(Priority.HIGH);
        }

        @Test
        void shouldLeaveADistantDeadlineNormal() {
            assertThat(policy.decide(withDeadline(Duration.ofHours(24).plusSeconds(1)))).isEqualTo(Priority.NORMAL);
        }

        @Test
        void shouldRaiseVulnerableCustomersReopenedTicketsAndFormalComplaints() {
            PriorityInputs plain = inputs(Category.ACCOUNT);

            assertThat(policy.decide(plain)).isEqualTo(Priority.NORMAL);
            assertThat(policy.decide(plain.withVulnerableCustomer(true))).isEqualTo(Priority.HIGH);
            assertThat(policy.decide(plain.withReopenCount(1))).isEqualTo(Priority.HIGH);
            assertThat(policy.decide(plain.withFormalComplaint(true))).isEqualTo(Priority.HIGH);
        }

        @Test
        void shouldRaiseALostPhoneButNotAsFarAsALostCard() {
            assertThat(policy.decide(inputs(Category.IDENTITY, UrgencySignal.LOSS))).isEqualTo(Priority.HIGH);
            assertThat(policy.decide(inputs(Category.IDENTITY, UrgencySignal.THEFT))).isEqualTo(Priority.HIGH);
        }

        @Test
        void shouldNotRaiseALossTheClassifierCouldNotPlace() {
            assertThat(policy.decide(inputs(Category.INVESTMENT, UrgencySignal.LOSS))).isEqualTo(Priority.NORMAL);
        }

        @Test
        void shouldKeepEmergenciesAboveEverythingHighRaises() {
            PriorityInputs fraud = inputs(Category.FRAUD, UrgencySignal.VOICE_PHISHING).withVulnerableCustomer(true)
                    .withFormalComplaint(true);

            assertThat(policy.decide(fraud)).isEqualTo(Priority.URGENT);
        }
    }

    @Nested
    class Low {

        private final PriorityInputs question =
                new PriorityInputs(Category.GENERAL, Set.of(), null, NOW, false, 0, false, true);

        @Test
        void shouldQueuePlainQuestionsLast() {
            assertThat(policy.decide(question)).isEqualTo(Priority.LOW);
        }

        @Test
        void shouldNotLowerAnythingElse() {
            assertThat(policy.decide(new PriorityInputs(Category.GENERAL, Set.of(), null, NOW, false, 0, false, false)))
                    .as("unplaced text, not a plain question").isEqualTo(Priority.NORMAL);
            assertThat(policy.decide(new PriorityInputs(Category.CARD, Set.of(), null, NOW, false, 0, false, true)))
                    .as("a question about a product").isEqualTo(Priority.NORMAL);
            assertThat(policy.decide(question.withVulnerableCustomer(true))).isEqualTo(Priority.HIGH);
            assertThat(policy.decide(question.withReopenCount(2))).isEqualTo(Priority.HIGH);
        }
    }

    @Nested
    class FromClassification {

        private final Classifier classifier = Classifier.withDefaults();
        private final ZonedDateTime mondayMorning = ZonedDateTime.parse("2026-03-02T10:15+09:00[Asia/Seoul]");

        private Priority priorityOf(String text) {
            Classification classification = classifier.classify(text, null, null, mondayMorning);
            return policy.decide(PriorityInputs.of(classification, mondayMorning.toInstant()));
        }

        @Test
        void shouldRankRealContacts() {
            assertThat(priorityOf("검찰이라고 해서 안전계좌로 돈을 보냈어요")).isEqualTo(Priority.URGENT);
            assertThat(priorityOf("체크카드를 잃어버렸어요")).isEqualTo(Priority.URGENT);
            assertThat(priorityOf("등록금을 오늘 오후 2시까지 내야 하는데 이체한도가 초과됐어요")).isEqualTo(Priority.URGENT);
            assertThat(priorityOf("휴대폰을 잃어버려서 로그인이 안 돼요")).isEqualTo(Priority.HIGH);
            assertThat(priorityOf("내일 오전 9시까지 잔금을 보내야 해요")).isEqualTo(Priority.HIGH);
            assertThat(priorityOf("이체한도 올리는 방법이 궁금해요")).isEqualTo(Priority.NORMAL);
            assertThat(priorityOf("상담원 연결")).isEqualTo(Priority.NORMAL);
            assertThat(priorityOf("영업시간이 어떻게 되나요?")).isEqualTo(Priority.LOW);
        }

        @Test
        void shouldRaiseTheSameDeadlineAsItDrawsNear() {
            Classification classification = classifier.classify("내일 오후 3시까지 보내야 해요", null, null, mondayMorning);
            PriorityInputs in = PriorityInputs.of(classification, mondayMorning.toInstant());

            assertThat(policy.decide(in)).isEqualTo(Priority.NORMAL);
            assertThat(policy.decide(in.at(Instant.parse("2026-03-02T08:00:00Z")))).isEqualTo(Priority.HIGH);
            assertThat(policy.decide(in.at(Instant.parse("2026-03-03T03:00:00Z")))).isEqualTo(Priority.URGENT);
        }
    }

    @Nested
    class Settings {

        @Test
        void shouldHonourConfiguredWindows() {
            PriorityPolicy strict = new PriorityPolicy(new PriorityPolicy.Settings(Duration.ofHours(1), Duration.ofHours(8)));

            assertThat(strict.decide(withDeadline(Duration.ofHours(2)))).isEqualTo(Priority.HIGH);
            assertThat(strict.decide(withDeadline(Duration.ofHours(9)))).isEqualTo(Priority.NORMAL);
        }

        @Test
        void shouldRejectAnUrgentWindowLongerThanTheHighOne() {
            assertThatThrownBy(() -> new PriorityPolicy.Settings(Duration.ofHours(5), Duration.ofHours(4)))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> new PriorityPolicy.Settings(Duration.ofHours(-1), Duration.ofHours(4)))
                    .isInstanceOf(IllegalArgumentException.class);
        }

        @Test
        void shouldDefaultToFourAndTwentyFourHours() {
            assertThat(PriorityPolicy.Settings.defaults())
                    .isEqualTo(new PriorityPolicy.Settings(Duration.ofHours(4), Duration.ofHours(24)));
        }
    }

    @Test
    void shouldEscalateOneStepAndStopAtUrgent() {
        assertThat(PriorityPolicy.escalate(Priority.LOW)).isEqualTo(Priority.NORMAL);
        assertThat(PriorityPolicy.escalate(Priority.NORMAL)).isEqualTo(Priority.HIGH);
        assertThat(PriorityPolicy.escalate(Priority.HIGH)).isEqualTo(Priority.URGENT);
        assertThat(PriorityPolicy.escalate(Priority.URGENT)).isEqualTo(Priority.URGENT);
    }

    @Test
    void shouldRankUrgentFirst() {
        assertThat(Arrays.stream(Priority.values()).mapToInt(PriorityPolicy::rank)).containsExactly(0, 1, 2, 3);
        assertThat(PriorityPolicy.rank(Priority.URGENT)).isLessThan(PriorityPolicy.rank(Priority.LOW));
    }

    @Test
    void shouldRejectANegativeReopenCount() {
        assertThatThrownBy(() -> inputs(Category.CARD).withReopenCount(-1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Nested
    class DeadlineAgainstUsualResolution {

        /** The SLA table's shape: a jeonse desk resolves NORMAL work in 5 days, HIGH in 3, URGENT in 9 hours. */
        private final PriorityPolicy withTimes = new PriorityPolicy(PriorityPolicy.Settings.defaults(),
                (category, priority, from) -> from.plus(switch (priority) {
                    case URGENT -> Duration.ofHours(9);
                    case HIGH -> Duration.ofDays(3);
                    default -> Duration.ofDays(5);
                }));

        private PriorityInputs jeonseDue(Duration fromNow) {
            return new PriorityInputs(Category.LOAN_JEONSE, Set.of(UrgencySignal.DEADLINE), NOW.plus(fromNow), NOW, false,
                    0, false, false);
        }

        @Test
        void shouldRaiseToHighWhenTheUsualResolutionWouldMissTheDeadline() {
            assertThat(withTimes.decide(jeonseDue(Duration.ofDays(4)))).isEqualTo(Priority.HIGH);
        }

        @Test
        void shouldRaiseToUrgentWhenEvenAHighTicketWouldMissIt() {
            assertThat(withTimes.decide(jeonseDue(Duration.ofDays(2)))).isEqualTo(Priority.URGENT);
        }

        @Test
        void shouldLeaveADeadlineTheUsualResolutionMeetsToTheFixedWindows() {
            assertThat(withTimes.decide(jeonseDue(Duration.ofDays(6)))).isEqualTo(Priority.NORMAL);
        }

        @Test
        void shouldApplyOnlyTheFixedWindowsWhenResolutionTimesAreUnknown() {
            assertThat(policy.decide(jeonseDue(Duration.ofDays(2)))).isEqualTo(Priority.NORMAL);
        }
    }

    @Test
    void shouldTreatAThirdPartysFraudAndAnUnknownPaymentAsUrgent() {
        assertThat(policy.decide(inputs(Category.FRAUD, UrgencySignal.FRAUD))).isEqualTo(Priority.URGENT);
        assertThat(policy.decide(inputs(Category.FRAUD, UrgencySignal.UNKNOWN_PAYMENT))).isEqualTo(Priority.URGENT);
    }
}
