package io.sori.kb.search;

import static io.sori.kb.article.Audience.AGENT_KMS;
import static io.sori.kb.article.Audience.PUBLIC_FAQ;
import static org.assertj.core.api.Assertions.assertThat;

import io.sori.kb.article.Audience;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The Korean questions agents and customers really ask, over the starter knowledge base: spacing
 * variants, particles, colloquial endings and synonyms. Each case says whether the expected
 * article must rank first or within the top three.
 */
class RelevanceTest {

    enum Rank { FIRST, TOP3 }

    record Case(String query, Audience audience, String expected, Rank rank) {
        @Override
        public String toString() {
            return "\"" + query + "\" → " + expected + " " + rank;
        }
    }

    static Stream<Case> cases() {
        return Stream.of(
                // spacing variants and particles: one compound, three ways to type it
                new Case("이체한도", PUBLIC_FAQ, "faq-transfer-limit-raise", Rank.FIRST),
                new Case("이체 한도", PUBLIC_FAQ, "faq-transfer-limit-raise", Rank.FIRST),
                new Case("이체한도를 올리고 싶어요", PUBLIC_FAQ, "faq-transfer-limit-raise", Rank.FIRST),
                new Case("모임통장 만들기", PUBLIC_FAQ, "faq-group-account-open", Rank.FIRST),
                new Case("모임 통장 만드는 방법", PUBLIC_FAQ, "faq-group-account-open", Rank.FIRST),
                new Case("후불교통카드 신청", PUBLIC_FAQ, "faq-transit-postpaid-apply", Rank.FIRST),
                new Case("후불 교통카드 신청하고 싶어요", PUBLIC_FAQ, "faq-transit-postpaid-apply", Rank.FIRST),
                new Case("주식계좌 개설", PUBLIC_FAQ, "faq-investment-account-open", Rank.FIRST),
                new Case("증권 계좌 만들기", PUBLIC_FAQ, "faq-investment-account-open", Rank.FIRST),
                new Case("한도제한계좌 해제", PUBLIC_FAQ, "faq-limited-account", Rank.FIRST),
                new Case("전월세보증금대출 신청", PUBLIC_FAQ, "faq-jeonse-loan-apply", Rank.FIRST),
                new Case("전세대출 필요서류", PUBLIC_FAQ, "faq-jeonse-loan-documents", Rank.FIRST),
                new Case("잔액증명서 발급", PUBLIC_FAQ, "faq-account-documents", Rank.FIRST),
                // synonyms: the customer's word is not the article's
                new Case("보이스피싱 당했어요", PUBLIC_FAQ, "faq-voice-phishing-report", Rank.FIRST),
                new Case("전화금융사기 신고", PUBLIC_FAQ, "faq-voice-phishing-report", Rank.FIRST),
                new Case("보이스 피싱 피해", PUBLIC_FAQ, "faq-voice-phishing-report", Rank.FIRST),
                new Case("카드를 잃어버렸어요", PUBLIC_FAQ, "faq-card-lost", Rank.FIRST),
                new Case("체크카드 분실", PUBLIC_FAQ, "faq-card-lost", Rank.FIRST),
                new Case("카드 도둑맞았어요", PUBLIC_FAQ, "faq-card-lost", Rank.FIRST),
                new Case("핸드폰 분실 로그인", PUBLIC_FAQ, "faq-lost-phone-login", Rank.FIRST),
                new Case("비번 까먹었어요", PUBLIC_FAQ, "faq-password-reset", Rank.FIRST),
                new Case("송금 한도 늘리는 법", PUBLIC_FAQ, "faq-transfer-limit-raise", Rank.FIRST),
                new Case("전세자금대출 연장", PUBLIC_FAQ, "faq-jeonse-loan-extension", Rank.FIRST),
                new Case("외국으로 돈 보내는 방법", PUBLIC_FAQ, "faq-fx-transfer-send", Rank.TOP3),
                // colloquial questions, as typed into the chat
                new Case("휴대폰을 잃어버려서 로그인이 안돼요", PUBLIC_FAQ, "faq-lost-phone-login", Rank.FIRST),
                new Case("돈을 잘못 보냈어요", PUBLIC_FAQ, "faq-mistaken-transfer", Rank.FIRST),
                new Case("사기꾼한테 돈을 보냈어요", PUBLIC_FAQ, "faq-voice-phishing-report", Rank.TOP3),
                new Case("캐시백이 안 들어왔어요", PUBLIC_FAQ, "faq-cashback-payment-date", Rank.FIRST),
                new Case("교통카드 후불 요금 언제 빠져나가요", PUBLIC_FAQ, "faq-transit-postpaid-billing", Rank.TOP3),
                new Case("대출 한도 조회하면 신용점수 떨어지나요", PUBLIC_FAQ, "faq-loan-limit-inquiry", Rank.FIRST),
                new Case("계좌가 지급정지 됐어요", PUBLIC_FAQ, "faq-account-frozen", Rank.FIRST),
                new Case("택배 문자 링크 눌렀어요", PUBLIC_FAQ, "faq-smishing", Rank.FIRST),
                new Case("등록금 내야 하는데 이체한도 초과", PUBLIC_FAQ, "faq-transfer-limit-urgent", Rank.TOP3),
                new Case("해외여행 중에 카드 분실", PUBLIC_FAQ, "faq-card-lost-abroad", Rank.FIRST),
                new Case("회비 안 낸 사람 알림", PUBLIC_FAQ, "faq-group-account-members", Rank.TOP3),
                new Case("해외송금 수수료 얼마예요", PUBLIC_FAQ, "faq-fx-transfer-fee", Rank.FIRST),
                new Case("엔화 환전", PUBLIC_FAQ, "faq-fx-exchange", Rank.FIRST),
                new Case("카드 한도 조회", PUBLIC_FAQ, "faq-card-limit", Rank.TOP3),
                new Case("상담원 연결 시간", PUBLIC_FAQ, "faq-customer-center-hours", Rank.FIRST),
                new Case("민원 처리 기간", PUBLIC_FAQ, "faq-complaint-process", Rank.FIRST),
                // the agents' KMS
                new Case("보이스피싱 접수 절차", AGENT_KMS, "kms-voice-phishing-response", Rank.FIRST),
                new Case("본인 명의 휴대폰 분실 고객", AGENT_KMS, "kms-lost-phone-own-name", Rank.FIRST),
                new Case("욕하는 고객 상담 종료", AGENT_KMS, "kms-abusive-customer", Rank.FIRST),
                new Case("해외송금 미도착", AGENT_KMS, "kms-fx-transfer-trace", Rank.FIRST),
                new Case("전세대출 심사 진행 상황", AGENT_KMS, "kms-jeonse-loan-review", Rank.FIRST),
                new Case("명의도용 신고", AGENT_KMS, "kms-identity-theft", Rank.FIRST),
                new Case("이체한도 상향 문진", AGENT_KMS, "kms-transfer-limit-review", Rank.FIRST),
                new Case("카드 분실 신고 접수", AGENT_KMS, "kms-card-loss-procedure", Rank.FIRST),
                new Case("전화사기 피해금 지급정지", AGENT_KMS, "kms-voice-phishing-response", Rank.FIRST),
                new Case("핸드폰 잃어버린 고객 로그인", AGENT_KMS, "kms-lost-phone-own-name", Rank.FIRST));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void shouldRankTheExpectedArticle(Case c) {
        SearchResult result = SeedIndex.get().search(SearchQuery.of(c.query(), c.audience(), 3));
        List<String> ids = result.hits().stream().map(SearchHit::id).toList();
        if (c.rank() == Rank.FIRST) {
            assertThat(ids).as("top hits for " + c).isNotEmpty().first().isEqualTo(c.expected());
        } else {
            assertThat(ids).as("top hits for " + c).contains(c.expected());
        }
    }
}
