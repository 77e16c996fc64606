package io.sori.channel.bot;

import static org.assertj.core.api.Assertions.assertThat;

import io.sori.channel.bot.CustomerSignals.Emergency;
import java.util.Optional;
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
            "보이스피싱 당한 것 같아요|FRAUD",
            "검찰 사칭 전화 받고 돈을 보냈어요|FRAUD",
            "중고거래 사기를 당했어요|FRAUD",
            "제 명의가 도용된 것 같아요|FRAUD",
            "계정이 해킹당했어요|FRAUD",
            "모르는 결제가 있어요 카드를 도난당했나봐요|FRAUD_AND_CARD_LOSS",
            "모르는 번호로 문자가 왔는데 링크를 눌렀어요|SUSPECTED_FRAUD"})
    void shouldReadEmergencies(String text, Emergency expected) {
        assertThat(CustomerSignals.emergency(text)).contains(expected);
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', value = {
            "체크카드를 잃어버렸어요|CARD_LOSS",
            "보이스피싱 당했어요|FRAUD",
            "휴대폰을 잃어버렸어요|IDENTITY",
            "이체한도 올리고 싶어요|TRANSFER_LIMIT",
            "전세대출 서류 알려주세요|LOAN_JEONSE",
            "모임통장 회비 관리|GROUP_ACCOUNT"})
    void shouldHintTheCategoryWhenItIsPlain(String text, String category) {
        assertThat(CustomerSignals.categoryHint(text, CustomerSignals.emergency(text))).isEqualTo(category);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"안녕하세요", "이체한도와 환전 한도 둘 다 궁금해요", "카드 발급 기간"})
    void shouldGiveNoHintWhenTheTopicIsNotPlain(String text) {
        assertThat(CustomerSignals.categoryHint(text, Optional.empty())).isNull();
    }
}
