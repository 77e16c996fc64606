package io.sori.kb.search;

import static org.assertj.core.api.Assertions.assertThat;

import io.sori.kb.article.Audience;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ArticleIndexTest {

    private ArticleIndex index;

    @BeforeEach
    void emptyIndex() {
        index = new ArticleIndex(KoreanAnalysis.standard());
        index.rebuild(List.of());
    }

    private static IndexedArticle article(String id, long revision, Audience audience, String category, String title,
            String body) {
        return new IndexedArticle(id, revision, true, 1, audience, category, title, body, List.of(), List.of());
    }

    private List<String> ids(String query, Audience audience) {
        return index.search(SearchQuery.of(query, audience, 10)).hits().stream().map(SearchHit::id).toList();
    }

    @Test
    void shouldMakeAnAppliedArticleSearchableAtOnceAndRemoveItWhenItGoes() {
        index.apply(article("a", 1, Audience.PUBLIC_FAQ, "CARD", "카드 분실 신고", "카드를 잃어버리면 바로 정지하세요."));
        assertThat(ids("카드 분실", null)).containsExactly("a");

        index.apply(IndexedArticle.gone("a", 2));
        assertThat(ids("카드 분실", null)).isEmpty();
        assertThat(index.size()).isZero();
    }

    @Test
    void shouldNeverLetAnOlderOrRepeatedRevisionOverwriteANewerOne() {
        index.apply(article("a", 5, Audience.PUBLIC_FAQ, "CARD", "카드 재발급", "새 카드"));

        assertThat(index.apply(IndexedArticle.gone("a", 4))).isFalse();
        assertThat(index.apply(article("a", 5, Audience.PUBLIC_FAQ, "CARD", "옛 제목", "옛 본문"))).isFalse();
        assertThat(ids("재발급", null)).containsExactly("a");
        assertThat(index.knownRevision("a")).isEqualTo(5);
    }

    @Test
    void shouldFilterByAudienceAndCategory() {
        index.apply(article("faq", 1, Audience.PUBLIC_FAQ, "CARD", "카드 분실", "분실 신고 방법"));
        index.apply(article("kms", 1, Audience.AGENT_KMS, "CARD", "카드 분실 응대", "분실 신고 접수 절차"));
        index.apply(article("fx", 1, Audience.PUBLIC_FAQ, "FX", "해외에서 카드 분실", "해외 분실 신고"));

        assertThat(ids("카드 분실", Audience.AGENT_KMS)).containsExactly("kms");
        assertThat(ids("카드 분실", Audience.PUBLIC_FAQ)).containsExactlyInAnyOrder("faq", "fx");
        assertThat(index.search(new SearchQuery("카드 분실", null, "FX", null, 10, false)).hits())
                .extracting(SearchHit::id).containsExactly("fx");
    }

    @Test
    void shouldRankTheTitleAboveTheBody() {
        index.apply(article("body", 1, Audience.PUBLIC_FAQ, "ACCOUNT", "계좌 안내", "모임통장도 만들 수 있어요."));
        index.apply(article("title", 1, Audience.PUBLIC_FAQ, "GROUP_ACCOUNT", "모임통장 만들기", "친구와 함께 쓰는 통장이에요."));

        assertThat(ids("모임통장", null)).containsExactly("title", "body");
    }

    @Test
    void shouldHighlightTheMatchedWordsInAnEscapedSnippet() {
        index.apply(article("a", 1, Audience.PUBLIC_FAQ, "TRANSFER_LIMIT", "한도 안내",
                "## 이체한도 올리기\n앱에서 **이체한도**를 올릴 수 있어요. <script>는 글자일 뿐이에요."));

        SearchHit hit = index.search(SearchQuery.of("이체 한도", null, 1)).hits().get(0);

        assertThat(hit.snippet()).contains("<em>").contains("이체").doesNotContain("**").doesNotContain("##")
                .doesNotContain("<script>").doesNotContain("\n");
        assertThat(hit.body()).as("searches do not load bodies").isNull();
        SearchHit answer = index.search(new SearchQuery("이체 한도", null, null, null, 1, true)).hits().get(0);
        assertThat(answer.body()).startsWith("## 이체한도 올리기");
    }

    @Test
    void shouldReturnNothingForAQuestionOfParticlesAndFillersOnly() {
        index.apply(article("a", 1, Audience.PUBLIC_FAQ, "CARD", "카드", "카드"));

        assertThat(index.search(SearchQuery.of("어떻게 하나요?", null, 10)).hits()).isEmpty();
        assertThat(index.search(SearchQuery.of("???", null, 10)).hits()).isEmpty();
    }

    @Test
    void shouldSearchAVeryLongQuestionWithoutTooManyClauses() {
        index.apply(article("a", 1, Audience.PUBLIC_FAQ, "CARD", "카드 분실", "분실"));
        String longQuestion = "보이스피싱 전화금융사기 카드 분실 휴대폰 핸드폰 비밀번호 이체한도 모임통장 해외송금 ".repeat(20);

        assertThat(index.search(SearchQuery.of(longQuestion, null, 10)).hits()).extracting(SearchHit::id)
                .containsExactly("a");
    }

    @Test
    void shouldMeasureHowMuchOfTheQuestionTheBestHitCovers() {
        index.apply(article("a", 1, Audience.PUBLIC_FAQ, "CARD", "카드 분실 신고", "카드를 잃어버리면 신고하세요."));
        index.apply(article("b", 1, Audience.PUBLIC_FAQ, "ACCOUNT", "주식 안내", "주식 투자"));

        double covered = index.search(new SearchQuery("카드 잃어버렸어요", null, null, null, 3, true)).topCoverage();
        double partly = index.search(new SearchQuery("주식 양도소득세", null, null, null, 3, true)).topCoverage();

        assertThat(covered).isEqualTo(1.0);
        assertThat(partly).isBetween(0.01, 0.6);
    }
}
