package io.sori.channel.bot;

import static org.assertj.core.api.Assertions.assertThat;

import io.sori.platform.intent.Emergency;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CustomerSignalsTest {

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', value = {
            "체크카드를 잃어버렸어요|CARD_LOSS",
            "지갑을 소매치기 당했어요|CARD_LOSS",
            "분실신고 하려고요|CARD_LOSS",
            "카드랑 폰을 다 잃어버렸어요|CARD_LOSS",
            "폰 잃어버렸는데 카드 앱 로그인이 안 돼요|PHONE_LOSS",
            "신분증을 분실했어요|ID_LOSS",
            "가방을 도난당했어요|OTHER_LOSS",
            "보이스피싱 당한 것 같아요|VOICE_PHISHING",
            "검찰 사칭 전화 받고 돈을 보냈어요|VOICE_PHISHING",
            "중고거래 사기를 당했어요|THIRD_PARTY_FRAUD",
            "제 명의가 도용된 것 같아요|IDENTITY_THEFT",
            "누가 제 이름으로 대출을 받았대요|IDENTITY_THEFT",
            "계정이 해킹당했어요|ACCOUNT_TAKEOVER",
            "모르는 결제가 3건 있어요|UNKNOWN_CARD_PAYMENT",
            "검찰이라고 전화가 왔는데 보이스피싱 맞죠?|SUSPECTED_FRAUD"})
    void shouldReadEmergencies(String text, Emergency expected) {
        assertThat(CustomerSignals.read(text).emergencies()).contains(expected);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"카드 분실하면 어떻게 신고하는지 미리 알아두려고요", "해킹 당한건 아닌데 로그인 기록 확인",
            "보이스피싱 예방 방법", "분실신고 해제하려고요"})
    void shouldReadNoEmergencyInDenialsConditionsAndPreventionQuestions(String text) {
        assertThat(CustomerSignals.read(text).isEmergency()).isFalse();
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', value = {
            "체크카드를 잃어버렸어요|CARD_LOSS",
            "보이스피싱 당했어요|FRAUD",
            "휴대폰을 잃어버렸어요|IDENTITY",
            "이체한도 올리고 싶어요|TRANSFER_LIMIT",
            "전세대출 서류 알려주세요|LOAN_JEONSE",
            "모임통장 회비 관리|GROUP_ACCOUNT"})
    void shouldHintTheCategoryTheTicketWouldRead(String text, String category) {
        assertThat(CustomerSignals.categoryHint(CustomerSignals.read(text))).isEqualTo(category);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"안녕하세요", "영업시간이 어떻게 되나요?"})
    void shouldGiveNoHintWhenTheMessageNamesNoTopic(String text) {
        assertThat(CustomerSignals.categoryHint(CustomerSignals.read(text))).isNull();
    }
}
