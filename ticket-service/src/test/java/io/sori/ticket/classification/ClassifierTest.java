package io.sori.ticket.classification;

import static io.sori.events.banking.EmergencyAction.FREEZE_ACCOUNT;
import static io.sori.events.banking.EmergencyAction.SUSPEND_CARD;
import static io.sori.platform.intent.UrgencySignal.DEADLINE;
import static io.sori.platform.intent.UrgencySignal.FRAUD;
import static io.sori.platform.intent.UrgencySignal.HACKING;
import static io.sori.platform.intent.UrgencySignal.IDENTITY_THEFT;
import static io.sori.platform.intent.UrgencySignal.LOSS;
import static io.sori.platform.intent.UrgencySignal.THEFT;
import static io.sori.platform.intent.UrgencySignal.VOICE_PHISHING;
import static org.assertj.core.api.Assertions.assertThat;

import io.sori.events.Category;
import io.sori.platform.intent.UrgencySignal;
import io.sori.events.banking.EmergencyAction;
import io.sori.ticket.routing.Skill;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ClassifierTest {

    /** A Monday morning in Seoul. */
    private static final ZonedDateTime NOW = ZonedDateTime.parse("2026-03-02T10:15+09:00[Asia/Seoul]");

    private final Classifier classifier = Classifier.withDefaults();

    private Classification classify(String text) {
        return classifier.classify(text, null, null, NOW);
    }

    @org.junit.jupiter.api.Test
    void shouldNotMistakeTheSyllablesOfOrdinaryWordsForFraud() {
        // "심사 기간" reads 사기 across the space; freezing an account for a loan question would be a disaster
        for (String text : java.util.List.of("대출 심사 기간이 얼마나 걸려요?", "전세대출 심사기간 알려주세요",
                "건강검사 기록 제출이 필요한가요", "회사 기숙사 주소로 카드 받을 수 있나요", "감사 기다릴게요")) {
            Classification c = classify(text);
            org.assertj.core.api.Assertions.assertThat(c.signals()).as(text).doesNotContain(FRAUD);
            org.assertj.core.api.Assertions.assertThat(c.emergencyActions()).as(text).isEmpty();
        }
        org.assertj.core.api.Assertions.assertThat(classify("인터넷 중고거래 사기 당했어요 돈을 보냈는데 연락이 끊겼어요")
                .signals()).contains(FRAUD);
    }

    static Stream<Arguments> sentences() {
        return Stream.of(
                // lost and stolen cards
                Arguments.of("카드를 잃어버렸어요. 빨리 정지해 주세요", Category.CARD_LOSS, Set.of(LOSS), Set.of(SUSPEND_CARD)),
                Arguments.of("지갑을 통째로 도난당했어요 안에 체크카드가 있었어요", Category.CARD_LOSS, Set.of(THEFT),
                        Set.of(SUSPEND_CARD)),
                Arguments.of("지하철에서 소매치기를 당해서 신용카드가 없어졌어요", Category.CARD_LOSS, Set.of(THEFT, LOSS),
                        Set.of(SUSPEND_CARD)),
                Arguments.of("폰이랑 지갑을 다 도둑맞았어요", Category.CARD_LOSS, Set.of(THEFT), Set.of(SUSPEND_CARD)),
                Arguments.of("분실신고 하려고요", Category.CARD_LOSS, Set.of(LOSS), Set.of(SUSPEND_CARD)),
                // a lost phone is an identity case: no card to stop
                Arguments.of("휴대폰을 분실했는데 앱 로그인을 어떻게 하나요", Category.IDENTITY, Set.of(LOSS), Set.of()),
                Arguments.of("명의 휴대폰을 잃어버려서 본인인증이 안 돼요", Category.IDENTITY, Set.of(LOSS), Set.of()),
                Arguments.of("휴대폰 분실했는데 카드 앱 로그인이 안돼요", Category.IDENTITY, Set.of(LOSS), Set.of()),
                Arguments.of("카드 결제하려다 휴대폰을 분실했어요", Category.IDENTITY, Set.of(LOSS), Set.of()),
                // fraud, voice phishing without the word 사기, identity theft, hacking
                Arguments.of("검찰청 수사관이라고 하면서 안전계좌로 돈을 옮기라고 해서 500만원을 보냈어요", Category.FRAUD,
                        Set.of(VOICE_PHISHING), Set.of(FREEZE_ACCOUNT)),
                Arguments.of("저금리 대출 해준다는 전화를 받고 기존 대출금을 보내라고 해서 송금했어요", Category.FRAUD,
                        Set.of(VOICE_PHISHING), Set.of(FREEZE_ACCOUNT)),
                Arguments.of("보이스피싱 당한 것 같아요 지급정지 해주세요", Category.FRAUD, Set.of(VOICE_PHISHING),
                        Set.of(FREEZE_ACCOUNT)),
                // a third party's fraud: urgent, but the customer's own account is not the one at risk
                Arguments.of("중고거래 사기를 당했어요 돈만 받고 연락이 안 돼요", Category.FRAUD, Set.of(FRAUD), Set.of()),
                Arguments.of("제 이름으로 모르는 대출이 실행됐어요 명의도용 같아요", Category.FRAUD, Set.of(IDENTITY_THEFT),
                        Set.of(FREEZE_ACCOUNT)),
                Arguments.of("제가 안 한 이체가 있어요 해킹당한 것 같아요", Category.FRAUD, Set.of(HACKING),
                        Set.of(FREEZE_ACCOUNT)),
                Arguments.of("낯선 기기에서 로그인됐다는 알림이 왔어요", Category.FRAUD, Set.of(HACKING), Set.of(FREEZE_ACCOUNT)),
                Arguments.of("엄마 나 폰 고장 나서 그러는데 이 링크로 앱 좀 깔아줘 라는 문자를 받고 돈을 보냈어요",
                        Category.FRAUD, Set.of(VOICE_PHISHING), Set.of(FREEZE_ACCOUNT)),
                Arguments.of("모르는 번호로 대출 권유 전화가 자꾸 와요", Category.FRAUD, Set.of(), Set.of()),
                Arguments.of("신분증을 잃어버렸는데 명의도용 될까 봐 걱정돼요", Category.IDENTITY, Set.of(LOSS), Set.of()),
                Arguments.of("택시에 지갑을 두고 내렸어요", Category.CARD_LOSS, Set.of(LOSS), Set.of(SUSPEND_CARD)),
                Arguments.of("사기업 다니는데 대출 되나요", Category.LIMIT_INQUIRY, Set.of(), Set.of()),
                // transfer limit versus limit inquiry
                Arguments.of("이체 한도를 1억으로 올리고 싶어요", Category.TRANSFER_LIMIT, Set.of(), Set.of()),
                Arguments.of("한도제한계좌 해제하려면 뭐가 필요한가요", Category.TRANSFER_LIMIT, Set.of(), Set.of()),
                Arguments.of("한도 초과로 이체가 안 돼요", Category.TRANSFER_LIMIT, Set.of(), Set.of()),
                Arguments.of("이체한도 조회는 어디서 하나요", Category.TRANSFER_LIMIT, Set.of(), Set.of()),
                Arguments.of("카드 한도 조회는 어디서 하나요", Category.LIMIT_INQUIRY, Set.of(), Set.of()),
                Arguments.of("비상금대출 한도가 얼마까지 나오나요", Category.LIMIT_INQUIRY, Set.of(), Set.of()),
                // specialist teams
                Arguments.of("전세자금대출 연장 서류 문의드립니다", Category.LOAN_JEONSE, Set.of(), Set.of()),
                Arguments.of("전세대출 한도가 얼마나 나올까요", Category.LOAN_JEONSE, Set.of(), Set.of()),
                Arguments.of("해외송금 받으려면 어떤 정보를 알려줘야 하나요", Category.FX, Set.of(), Set.of()),
                Arguments.of("해외송금 한도가 궁금해요", Category.FX, Set.of(), Set.of()),
                Arguments.of("달러 환전 우대율이 궁금해요", Category.FX, Set.of(), Set.of()),
                Arguments.of("모임통장 모임원 초대가 안 돼요", Category.GROUP_ACCOUNT, Set.of(), Set.of()),
                Arguments.of("주식계좌 개설이 안 돼요", Category.INVESTMENT, Set.of(), Set.of()),
                Arguments.of("적금 만기 해지하면 이자는 언제 들어오나요", Category.ACCOUNT, Set.of(), Set.of()),
                Arguments.of("다른 계좌로 잘못 보냈어요 착오송금 반환 신청하고 싶어요", Category.ACCOUNT, Set.of(), Set.of()),
                Arguments.of("체크카드 결제가 자꾸 거절돼요", Category.CARD, Set.of(), Set.of()),
                Arguments.of("카드 비밀번호를 5번 틀렸어요", Category.CARD, Set.of(), Set.of()),
                Arguments.of("앱 비밀번호를 잊어버렸어요", Category.IDENTITY, Set.of(), Set.of()),
                Arguments.of("상담원 연결", Category.GENERAL, Set.of(), Set.of()),
                // words that look alarming but are not
                Arguments.of("카드 분실신고 해제하려면 어떻게 하나요", Category.CARD_LOSS, Set.of(), Set.of()),
                Arguments.of("카드를 잃어버린 게 아니라 결제가 안 돼요", Category.CARD, Set.of(), Set.of()),
                Arguments.of("이사 기간이 겹쳐서 전세대출 실행일을 바꾸고 싶어요", Category.LOAN_JEONSE, Set.of(), Set.of()),
                Arguments.of("보이스피싱 예방 서비스 가입 방법 알려주세요", Category.FRAUD, Set.of(), Set.of()));
    }

    @ParameterizedTest(name = "{0} → {1} {2} {3}")
    @MethodSource("sentences")
    void shouldClassifyRealSentences(String text, Category category, Set<UrgencySignal> signals,
            Set<EmergencyAction> actions) {
        Classification result = classify(text);

        assertThat(result.category()).isEqualTo(category);
        assertThat(result.signals()).containsExactlyInAnyOrderElementsOf(signals);
        assertThat(result.emergencyActions()).containsExactlyInAnyOrderElementsOf(actions);
        assertThat(result.deadlineAt()).isNull();
    }

    @Test
    void shouldReadTheTuitionDeadlineAndTheTransferLimit() {
        Classification result = classify("등록금을 오늘 오후 2시까지 내야 하는데 이체한도가 초과됐어요");

        assertThat(result.category()).isEqualTo(Category.TRANSFER_LIMIT);
        assertThat(result.skill()).isEqualTo(Skill.TRANSFER_LIMIT);
        assertThat(result.signals()).containsExactly(DEADLINE);
        assertThat(result.deadlineAt()).isEqualTo(Instant.parse("2026-03-02T05:00:00Z"));
        assertThat(result.emergencyActions()).isEmpty();
        assertThat(result.isEmergency()).isFalse();
        assertThat(result.matchedKeywords()).containsExactly("이체", "한도", "오늘 오후 2시까지");
    }

    @Test
    void shouldExplainAnEmergencyWithTheWordsThatRaisedIt() {
        Classification result = classify("보이스피싱 당한 것 같아요");

        assertThat(result.matchedKeywords()).containsExactly("보이스피싱");
        assertThat(result.isEmergency()).isTrue();
    }

    @Test
    void shouldExplainALostPhoneWithTheObjectAndTheLossWord() {
        assertThat(classify("휴대폰 분실했는데 카드 앱 로그인이 안돼요").matchedKeywords()).containsExactly("휴대폰", "분실");
    }

    @Test
    void shouldQuoteTheCustomersOwnSpelling() {
        assertThat(classify("모르는 번호로 대출 권유 전화가 자꾸 와요").matchedKeywords()).containsExactly("대출 권유 전화");
        assertThat(classify("이체  한도가 부족해요").matchedKeywords()).containsExactly("이체", "한도");
        assertThat(classify("이 체 한 도가 부족해요").matchedKeywords()).containsExactly("이 체", "한 도");
    }

    @Test
    void shouldTreatNullTextAsEmpty() {
        Classification result = classifier.classify(null, null, null, NOW);

        assertThat(result.category()).isEqualTo(Category.GENERAL);
        assertThat(result.signals()).isEmpty();
        assertThat(result.matchedKeywords()).isEmpty();
    }

    @Nested
    class Hints {

        @Test
        void shouldFollowAValidHintOverWhatTheWordsSuggest() {
            assertThat(classifier.classify("카드 한도 조회하고 싶어요", "FX", null, NOW).category()).isEqualTo(Category.FX);
        }

        @Test
        void shouldAcceptPhoneLinesAndKoreanLabelsAsHints() {
            assertThat(classifier.classify("문의드립니다", "LOAN_JEONSE", null, NOW).category())
                    .isEqualTo(Category.LOAN_JEONSE);
            assertThat(classifier.classify("문의드립니다", "전세대출", null, NOW).category())
                    .isEqualTo(Category.LOAN_JEONSE);
            assertThat(classifier.classify("문의드립니다", "카드 분실·도난", null, NOW).category())
                    .isEqualTo(Category.CARD_LOSS);
        }

        @Test
        void shouldLetALostCardInTheTextOverrideALessUrgentHint() {
            Classification result = classifier.classify("카드를 잃어버렸어요", "CARD", null, NOW);

            assertThat(result.category()).isEqualTo(Category.CARD_LOSS);
            assertThat(result.emergencyActions()).containsExactly(SUSPEND_CARD);
        }

        @Test
        void shouldLetVoicePhishingOverrideTheJeonseLine() {
            Classification result = classifier.classify("검사라고 하는 사람한테 전화를 받고 돈을 보냈어요", "LOAN_JEONSE",
                    null, NOW);

            assertThat(result.category()).isEqualTo(Category.FRAUD);
            assertThat(result.emergencyActions()).containsExactly(FREEZE_ACCOUNT);
        }

        @Test
        void shouldLetFraudOverrideTheCardLossLineAndStopOnlyTheCardForUnknownPayments() {
            assertThat(classifier.classify("카드를 잃어버렸는데 누가 제가 안 한 결제를 했어요", "CARD_LOSS", null, NOW))
                    .satisfies(result -> {
                        assertThat(result.category()).isEqualTo(Category.FRAUD);
                        assertThat(result.emergencyActions()).containsExactly(SUSPEND_CARD);
                    });
        }

        @Test
        void shouldKeepTheFraudHintAndStillStopALostCard() {
            Classification result = classifier.classify("지갑을 잃어버렸어요", "FRAUD", null, NOW);

            assertThat(result.category()).isEqualTo(Category.FRAUD);
            assertThat(result.emergencyActions()).containsExactly(SUSPEND_CARD);
        }

        @Test
        void shouldStopTheCardOnTheCardLossLineWhenTheTextDoesNotSayWhatWasLost() {
            Classification result = classifier.classify("어제 잃어버린 것 같아요", "CARD_LOSS", null, NOW);

            assertThat(result.category()).isEqualTo(Category.CARD_LOSS);
            assertThat(result.emergencyActions()).containsExactly(SUSPEND_CARD);
        }

        @Test
        void shouldNotStopACardWhenTheCardLossLineCallerLostOnlyThePhone() {
            Classification result = classifier.classify("휴대폰을 잃어버렸어요", "CARD_LOSS", null, NOW);

            assertThat(result.category()).isEqualTo(Category.CARD_LOSS);
            assertThat(result.signals()).containsExactly(LOSS);
            assertThat(result.emergencyActions()).isEmpty();
        }

        @Test
        void shouldNotStopACardWhenTheCallerAsksToLiftTheStop() {
            Classification result = classifier.classify("분실신고 해제하려고요", "CARD_LOSS", null, NOW);

            assertThat(result.category()).isEqualTo(Category.CARD_LOSS);
            assertThat(result.emergencyActions()).isEmpty();
        }

        @Test
        void shouldTreatGeneralAndUnknownHintsAsNoHint() {
            assertThat(classifier.classify("이체한도 올려주세요", "GENERAL", null, NOW).category())
                    .isEqualTo(Category.TRANSFER_LIMIT);
            assertThat(classifier.classify("이체한도 올려주세요", "없는카테고리", null, NOW).category())
                    .isEqualTo(Category.TRANSFER_LIMIT);
            assertThat(classifier.classify("이체한도 올려주세요", "  ", null, NOW).category())
                    .isEqualTo(Category.TRANSFER_LIMIT);
        }
    }

    @Nested
    class Deadlines {

        private static final String TUITION = "등록금을 오늘 오후 2시까지 내야 하는데 이체한도가 초과됐어요";

        @Test
        void shouldKeepTheCustomersDeadlineWhenItIsEarlier() {
            Instant form = Instant.parse("2026-03-02T03:00:00Z");

            Classification result = classifier.classify(TUITION, null, form, NOW);

            assertThat(result.deadlineAt()).isEqualTo(form);
        }

        @Test
        void shouldKeepTheDeadlineInTheTextWhenItIsEarlier() {
            Classification result = classifier.classify(TUITION, null, Instant.parse("2026-03-03T00:00:00Z"), NOW);

            assertThat(result.deadlineAt()).isEqualTo(Instant.parse("2026-03-02T05:00:00Z"));
        }

        @Test
        void shouldRaiseTheDeadlineSignalForAFormDeadlineAlone() {
            Instant form = Instant.parse("2026-03-05T00:00:00Z");

            Classification result = classifier.classify("전세대출 잔금일 문의", null, form, NOW);

            assertThat(result.deadlineAt()).isEqualTo(form);
            assertThat(result.signals()).containsExactly(DEADLINE);
        }
    }

    @Nested
    class Informational {

        @Test
        void shouldMarkAPlainQuestionAsInformational() {
            Classification result = classify("영업시간이 어떻게 되나요?");

            assertThat(result.category()).isEqualTo(Category.GENERAL);
            assertThat(result.informational()).isTrue();
        }

        @Test
        void shouldNotMarkAProblemAsInformationalEvenWhenPhrasedAsAQuestion() {
            assertThat(classify("수수료가 왜 두 번 빠져나갔는지 알려주세요").informational()).isFalse();
        }

        @Test
        void shouldNotMarkARequestForAnAgentAsInformational() {
            assertThat(classify("상담원 연결").informational()).isFalse();
        }

        @Test
        void shouldNotMarkAnEmergencyAsInformational() {
            assertThat(classify("보이스피싱 당한 것 같은데 방법을 알려주세요").informational()).isFalse();
        }
    }
}
