package io.sori.platform.intent;

import static io.sori.events.banking.EmergencyAction.FREEZE_ACCOUNT;
import static io.sori.events.banking.EmergencyAction.SUSPEND_CARD;
import static org.assertj.core.api.Assertions.assertThat;

import io.sori.events.Category;
import java.time.ZonedDateTime;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IntentModelTest {

    private static final ZonedDateTime NOW = ZonedDateTime.parse("2026-03-10T10:00+09:00[Asia/Seoul]");
    private final IntentModel model = IntentModel.withDefaults();

    private Intent read(String text) {
        return model.read(text, NOW);
    }

    @ParameterizedTest
    @ValueSource(strings = {"카드 분실하면 어떻게 신고하는지 미리 알아두려고요", "해킹 당한건 아닌데 로그인 기록 확인",
            "보이스피싱 예방 방법", "만약에 카드 잃어버리면 어떻게 해요?", "명의도용 될까봐 걱정이에요"})
    void shouldRequestNothingForDenialsConditionsAndPreventionQuestions(String text) {
        Intent intent = read(text);
        assertThat(intent.emergencyActions()).isEmpty();
        assertThat(intent.isEmergency()).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"보이스피싱 예방 방법", "카드 분실하면 어떻게 신고하는지 미리 알아두려고요"})
    void shouldStillReadTheTopicOfAPreventionQuestion(String text) {
        assertThat(read(text).category()).isIn(Category.FRAUD, Category.CARD_LOSS);
    }

    @ParameterizedTest
    @ValueSource(strings = {"모르는 결제가 3건 있어요", "제가 안 한 카드 결제가 됐어요", "카드 안 썼는데 결제됐대요"})
    void shouldStopTheCardNotFreezeTheAccountForUnknownCardPayments(String text) {
        Intent intent = read(text);
        assertThat(intent.emergencyActions()).containsExactly(SUSPEND_CARD);
        assertThat(intent.emergencies()).contains(Emergency.UNKNOWN_CARD_PAYMENT);
    }

    @ParameterizedTest
    @ValueSource(strings = {"누가 제 이름으로 대출을 받았대요", "제 명의로 폰이 개통됐대요", "신청한 적 없는 대출이 있어요"})
    void shouldRecogniseIdentityTheftInPlainWords(String text) {
        Intent intent = read(text);
        assertThat(intent.identityTheft()).isTrue();
        assertThat(intent.isEmergency()).isTrue();
        assertThat(intent.category()).isEqualTo(Category.FRAUD);
        assertThat(intent.emergencyActions()).containsExactly(FREEZE_ACCOUNT);
    }

    @ParameterizedTest
    @ValueSource(strings = {"정식으로 민원 접수할게요", "금감원에 신고할 거예요", "민원 넣겠습니다", "국민신문고에 올릴거예요"})
    void shouldReadAFormalComplaintSaidInWords(String text) {
        assertThat(read(text).formalComplaint()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"민원 넣으면 처리 기간이 얼마나 걸려요?", "민원 넣으려는 건 아니고 그냥 궁금해서요",
            "보이스피싱 당해서 금감원에 신고했어요 돈 보냈어요"})
    void shouldNotFileAComplaintForAQuestionADenialOrAFraudReport(String text) {
        assertThat(read(text).formalComplaint()).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"중고거래 판매자가 사기꾼이에요", "상대방이 사기 쳤어요 그 사람 계좌 막아주세요",
            "중고나라에서 물건 샀는데 돈만 받고 잠적했어요"})
    void shouldNeverFreezeTheComplainantsOwnAccountForAThirdPartysFraud(String text) {
        Intent intent = read(text);
        assertThat(intent.emergencyActions()).doesNotContain(FREEZE_ACCOUNT);
        assertThat(intent.category()).isEqualTo(Category.FRAUD);
        assertThat(intent.emergencies()).containsExactly(Emergency.THIRD_PARTY_FRAUD);
        assertThat(intent.signals()).anyMatch(UrgencySignal::isUrgent);
    }

    @ParameterizedTest
    @ValueSource(strings = {"검찰이라고 해서 돈 보냈어요 어떡해요ㅠㅠ", "원격제어 앱 설치하라고 해서 깔았어요 ㅠㅠ",
            "금감원 직원이라고 해서 인증번호 알려줬어요", "계정이 해킹당했어요"})
    void shouldFreezeTheAccountWhenItIsAtRisk(String text) {
        assertThat(read(text).emergencyActions()).containsExactly(FREEZE_ACCOUNT);
    }

    @ParameterizedTest
    @ValueSource(strings = {"검찰이라고 전화가 왔는데 보이스피싱 맞죠?", "보이스피싱 신고하려고요"})
    void shouldHandVoicePhishingSignsToAPersonWithoutAFreezeUntilTheCustomerActed(String text) {
        Intent intent = read(text);
        assertThat(intent.emergencies()).containsExactly(Emergency.SUSPECTED_FRAUD);
        assertThat(intent.emergencyActions()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"잃어버린 카드 찾았어요 다시 쓸 수 있나요", "카드 분실신고 했던거 해제해주세요",
            "분실물 센터 위치가 어디예요"})
    void shouldNotStopACardThatWasFoundOrWhoseStopIsToBeLifted(String text) {
        assertThat(read(text).emergencyActions()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"카드랑 폰을 다 잃어버렸어요", "폰이랑 지갑을 다 도둑맞았어요"})
    void shouldStopTheCardWhenItIsListedWithOtherLostThings(String text) {
        Intent intent = read(text);
        assertThat(intent.emergencyActions()).containsExactly(SUSPEND_CARD);
        assertThat(intent.category()).isEqualTo(Category.CARD_LOSS);
    }

    @ParameterizedTest
    @ValueSource(strings = {"지난주 목요일에 신청했는데 아직 안 됐어요", "어제 오후 3시에 보냈는데"})
    void shouldFindNoDeadlineInAPastDate(String text) {
        assertThat(read(text).deadlineAt()).isNull();
    }
}
