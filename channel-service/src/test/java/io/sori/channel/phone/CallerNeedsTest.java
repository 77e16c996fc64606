package io.sori.channel.phone;

import static io.sori.channel.phone.CallerNeeds.Need.DIGITAL_EXCLUSION;
import static io.sori.channel.phone.CallerNeeds.Need.ELDERLY;
import static io.sori.channel.phone.CallerNeeds.Need.SIGHT_OR_HEARING;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class CallerNeedsTest {

    @Test
    void shouldReadAnElderlyCustomerWhoCannotUseTheApp() {
        assertThat(CallerNeeds.of("70대 고객인데 앱 사용이 어려워요")).containsExactlyInAnyOrder(ELDERLY,
                DIGITAL_EXCLUSION);
    }

    @Test
    void shouldReadARelativeAskingForAnElderlyParent() {
        assertThat(CallerNeeds.of("80대 어머니 대신 신청합니다. 통장 비밀번호를 잊으셨어요")).containsExactly(ELDERLY);
        assertThat(CallerNeeds.of("저희 아버지가 여든이 넘으셔서 직접 통화가 어려워요")).contains(ELDERLY);
    }

    @Test
    void shouldReadSightAndHearing() {
        assertThat(CallerNeeds.of("글씨가 안 보여서 앱으로 못 하겠어요")).containsExactly(SIGHT_OR_HEARING);
        assertThat(CallerNeeds.of("귀가 어두우셔서 천천히 말씀해 주세요")).containsExactly(SIGHT_OR_HEARING);
    }

    @ParameterizedTest
    @ValueSource(strings = {"어르신이 카드 재발급을 원하세요", "고령이라 지점 방문이 힘들어요", "노인이라 잘 몰라요",
            "75세 고객님 전화 부탁드립니다", "연세가 많으셔서요", "할머니 대신 전화드려요", "90대 할아버지 연금 입금 문의"})
    void shouldReadEveryWayOfSayingElderly(String text) {
        assertThat(CallerNeeds.of(text)).contains(ELDERLY);
    }

    @ParameterizedTest
    @ValueSource(strings = {"스마트폰을 잘 못 써서요", "어플 쓸 줄 몰라요", "앱을 못 쓰겠어요 전화 주세요"})
    void shouldReadSomeoneWhoCannotUseTheAppAtAnyAge(String text) {
        assertThat(CallerNeeds.of(text)).contains(DIGITAL_EXCLUSION);
    }

    @ParameterizedTest
    @ValueSource(strings = {"앱이 안 열려요", "30대 직장인인데 점심시간에 전화 주세요", "50대 자영업자 대출 상담",
            "고령자 우대 적금 금리 알려주세요", "ATM 170대 설치 지점 문의", "이체한도 올려주세요", "노인정 앞 지점 위치",
            "010-7080-9012로 연락 주세요", ""})
    void shouldFindNoNeedInOrdinaryRequests(String text) {
        assertThat(CallerNeeds.of(text)).isEmpty();
    }
}
