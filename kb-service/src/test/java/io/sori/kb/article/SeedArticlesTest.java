package io.sori.kb.article;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class SeedArticlesTest {

    private final List<SeedArticles.SeedArticle> seeds = SeedArticles.load();

    @Test
    void shouldHoldAtLeastSixtyValidArticlesForBothAudiences() {
        assertThat(seeds).hasSizeGreaterThanOrEqualTo(60);
        assertThat(seeds).allSatisfy(seed -> assertThat(ArticleContent.problems(seed.content())).isEmpty());
        Map<Audience, Long> byAudience = seeds.stream()
                .collect(Collectors.groupingBy(SeedArticles.SeedArticle::audience, Collectors.counting()));
        assertThat(byAudience.get(Audience.PUBLIC_FAQ)).isGreaterThanOrEqualTo(30);
        assertThat(byAudience.get(Audience.AGENT_KMS)).isGreaterThanOrEqualTo(15);
    }

    @Test
    void shouldCoverTheBanksDomain() {
        assertThat(seeds.stream().map(SeedArticles.SeedArticle::category).distinct())
                .contains("CARD", "TRANSFER_LIMIT", "LIMIT_INQUIRY", "ACCOUNT", "GROUP_ACCOUNT", "LOAN_JEONSE", "FX",
                        "IDENTITY", "INVESTMENT", "FRAUD", "GENERAL");
        String all = seeds.stream().map(s -> s.title() + " " + s.body()).collect(Collectors.joining(" "));
        assertThat(all).contains("분실신고", "이체한도", "한도조회", "모임통장", "전월세보증금", "해외송금", "본인 명의 휴대폰",
                "본인확인", "증권계좌", "보이스피싱", "후불교통카드", "캐시백 가맹점");
    }

    @Test
    void shouldUseSoriBanksOwnPhoneNumbers() {
        String all = seeds.stream().map(SeedArticles.SeedArticle::body).collect(Collectors.joining(" "));
        assertThat(all).contains("1500-7071").doesNotContain("1599-3333", "1522-1000", "1661-7654", "1588-");
    }
}
