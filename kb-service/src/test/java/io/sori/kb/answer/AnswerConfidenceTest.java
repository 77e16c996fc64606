package io.sori.kb.answer;

import static org.assertj.core.api.Assertions.assertThat;

import io.sori.kb.article.Audience;
import io.sori.kb.article.SeedArticles;
import io.sori.kb.search.ArticleIndex;
import io.sori.kb.search.IndexedArticle;
import io.sori.kb.search.KoreanAnalysis;
import io.sori.kb.search.SearchQuery;
import io.sori.kb.search.SearchResult;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The calibration of {@link AnswerConfidence#ANSWER_THRESHOLD}: questions the public FAQ answers
 * (each with the article that must come first) clear it; questions about things the FAQ does not
 * cover, small talk and noise stay below it.
 */
class AnswerConfidenceTest {

    private static ArticleIndex index;

    @BeforeAll
    static void buildIndex() {
        index = new ArticleIndex(KoreanAnalysis.standard());
        index.rebuild(SeedArticles.load().stream()
                .map(s -> new IndexedArticle(s.id(), 0, true, 1, s.audience(), s.category(), s.title(), s.body(),
                        s.tags(), s.synonyms()))
                .toList());
    }

    private static SearchResult ask(String question) {
        return index.search(new SearchQuery(question, Audience.PUBLIC_FAQ, null, null, 4, true));
    }

    @ParameterizedTest(name = "\"{0}\" → {1}")
    @CsvSource(delimiter = '|', textBlock = """
            카드 잃어버렸는데 어떡해요               | faq-card-lost
            이체한도 어떻게 올려요                   | faq-transfer-limit-raise
            보이스피싱 당한 것 같아요 도와주세요       | faq-voice-phishing-report
            모임통장 만들고 싶어요                   | faq-group-account-open
            해외송금 수수료 얼마예요                 | faq-fx-transfer-fee
            핸드폰 잃어버려서 앱 로그인이 안 돼요       | faq-lost-phone-login
            전세대출 서류 뭐 필요해요                | faq-jeonse-loan-documents
            후불 교통카드 신청하고 싶어요              | faq-transit-postpaid-apply
            캐시백 언제 들어와요                    | faq-cashback-payment-date
            비밀번호 잊어버렸어요                    | faq-password-reset
            주식 계좌 만들 수 있나요                 | faq-investment-account-open
            한도제한계좌 풀고 싶어요                  | faq-limited-account
            돈 잘못 보냈는데 돌려받을 수 있나요         | faq-mistaken-transfer
            고객센터 전화번호 알려주세요               | faq-customer-center-hours
            잔액증명서 어디서 떼요                   | faq-account-documents
            체크카드 결제 한도 올리고 싶어요           | faq-card-limit
            대출 한도 조회하면 신용점수 떨어져요?       | faq-loan-limit-inquiry
            계좌 개설하는 방법                      | faq-account-open
            적금 중도해지하면 이자 어떻게 돼요          | faq-savings-maturity
            민원 넣고 싶어요                       | faq-complaint-process
            분실신고한 카드 찾았어요                  | faq-card-found
            해외결제 차단하고 싶어요                  | faq-card-overseas-block
            신분증 촬영이 계속 실패해요               | faq-id-card-failure
            예금자보호 되나요                       | faq-deposit-protection
            환전 어떻게 해요                        | faq-fx-exchange
            이상한 문자 링크 눌렀어요                 | faq-smishing
            계좌 해지하고 싶어요                     | faq-account-close
            콜백 예약                             | faq-callback
            만 나이 계산                          | faq-age-calculator
            앱이 자꾸 꺼져요                        | faq-app-error
            """)
    void shouldAnswerWhatTheFaqCovers(String question, String expected) {
        SearchResult result = ask(question);
        assertThat(result.hits()).isNotEmpty();
        assertThat(result.hits().get(0).id()).isEqualTo(expected);
        assertThat(AnswerConfidence.of(result)).as("confidence for \"%s\"", question)
                .isGreaterThanOrEqualTo(AnswerConfidence.ANSWER_THRESHOLD);
    }

    @ParameterizedTest(name = "\"{0}\"")
    @ValueSource(strings = {
            "오늘 점심 메뉴 추천해줘", "비트코인 사는 방법 알려주세요", "주식 양도소득세 신고는 어떻게 하나요", "내일 날씨 어때",
            "자동차 보험 가입하고 싶어요", "아파트 청약 1순위 조건", "연말정산 의료비 공제", "골드바 구매", "노래 추천해 주세요",
            "금 시세 알려줘", "펀드 수익률 비교", "퇴직연금 IRP 이전", "자동차 할부 금융", "ㅋㅋㅋㅋ", "안녕하세요", "사랑해",
            "국민연금 수령 나이", "로또 당첨 번호", "영업점 위치 알려주세요", "카드 포인트로 항공권 구매"})
    void shouldNotAnswerWhatTheFaqDoesNotCover(String question) {
        assertThat(AnswerConfidence.of(ask(question))).as("confidence for \"%s\"", question)
                .isLessThan(AnswerConfidence.ANSWER_THRESHOLD);
    }

    @ParameterizedTest(name = "\"{0}\"")
    @ValueSource(strings = {"민원 넣고 싶어요"})
    void shouldFlagAnswersWordedUnlikeTheArticleAsLowConfidence(String question) {
        double confidence = AnswerConfidence.of(ask(question));
        assertThat(confidence).isBetween(AnswerConfidence.ANSWER_THRESHOLD, AnswerConfidence.LOW_CONFIDENCE);
    }
}
