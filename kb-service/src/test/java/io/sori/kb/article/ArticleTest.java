package io.sori.kb.article;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sori.events.kb.ArticleArchived;
import io.sori.events.kb.ArticlePublished;
import io.sori.events.kb.KbEvent;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ArticleTest {

    private static final Instant T0 = Instant.parse("2026-11-24T01:00:00Z");
    private static final Instant T1 = T0.plusSeconds(60);
    private static final Instant T2 = T0.plusSeconds(120);
    private static final Instant T3 = T0.plusSeconds(180);

    private static ArticleContent content(String title) {
        return new ArticleContent(title, "본문", Audience.PUBLIC_FAQ, "CARD", List.of("분실"), List.of());
    }

    @Test
    void shouldStartAsADraftThatNothingSearches() {
        Article article = Article.draft("a-1", content("카드 분실"), "kim", T0);

        assertThat(article.status()).isEqualTo(ArticleStatus.DRAFT);
        assertThat(article.latest().number()).isEqualTo(1);
        assertThat(article.latest().status()).isEqualTo(ArticleStatus.DRAFT);
        assertThat(article.published()).isEmpty();
    }

    @Test
    void shouldPublishTheLatestVersionAndSayWhichOne() {
        Article article = Article.draft("a-1", content("카드 분실"), "kim", T0);

        Optional<KbEvent> event = article.publish(null, T1);

        assertThat(event).contains(new ArticlePublished("a-1", 1, "PUBLIC_FAQ", "CARD", "카드 분실"));
        assertThat(article.status()).isEqualTo(ArticleStatus.PUBLISHED);
        assertThat(article.published()).hasValueSatisfying(v -> {
            assertThat(v.number()).isEqualTo(1);
            assertThat(v.publishedAt()).isEqualTo(T1);
        });
    }

    @Test
    void shouldKeepTheLiveVersionWhileANewDraftIsWrittenAndArchiveItWhenTheDraftIsPublished() {
        Article article = Article.draft("a-1", content("v1"), "kim", T0);
        article.publish(null, T1);

        article.revise(1, content("v2"), "lee", T2);

        assertThat(article.latest().number()).isEqualTo(2);
        assertThat(article.latest().status()).isEqualTo(ArticleStatus.DRAFT);
        assertThat(article.published()).map(ArticleVersion::title).contains("v1");

        article.publish(2, T3);

        assertThat(article.published()).map(ArticleVersion::title).contains("v2");
        assertThat(article.version(1)).hasValueSatisfying(v -> {
            assertThat(v.status()).isEqualTo(ArticleStatus.ARCHIVED);
            assertThat(v.archivedAt()).isEqualTo(T3);
            assertThat(v.publishedAt()).isEqualTo(T1);
        });
        assertThat(article.versions()).hasSize(2);
    }

    @Test
    void shouldRefuseAnEditBasedOnAVersionThatIsNoLongerTheLatest() {
        Article article = Article.draft("a-1", content("v1"), "kim", T0);
        article.revise(1, content("v2 by lee"), "lee", T1);

        assertThatThrownBy(() -> article.revise(1, content("v2 by park"), "park", T2))
                .isInstanceOfSatisfying(ArticleConflict.class,
                        e -> assertThat(e.kind()).isEqualTo(ArticleConflict.Kind.STALE_VERSION));
        assertThat(article.versions()).hasSize(2);
    }

    @Test
    void shouldRefuseToPublishAVersionThatIsNotTheLatest() {
        Article article = Article.draft("a-1", content("v1"), "kim", T0);
        article.revise(1, content("v2"), "lee", T1);

        assertThatThrownBy(() -> article.publish(1, T2)).isInstanceOf(ArticleConflict.class);
    }

    @Test
    void shouldTreatPublishingAndArchivingTwiceAsDoneAlready() {
        Article article = Article.draft("a-1", content("v1"), "kim", T0);
        article.publish(null, T1);

        assertThat(article.publish(null, T2)).isEmpty();
        assertThat(article.archive(null, T2)).contains(new ArticleArchived("a-1", 1));
        assertThat(article.archive(null, T3)).isEmpty();
    }

    @Test
    void shouldTakeAnArchivedArticleOutOfSearchAndBringItBackOnlyWithANewVersion() {
        Article article = Article.draft("a-1", content("v1"), "kim", T0);
        article.publish(null, T1);
        article.archive(null, T2);

        assertThat(article.status()).isEqualTo(ArticleStatus.ARCHIVED);
        assertThat(article.published()).isEmpty();
        assertThatThrownBy(() -> article.publish(null, T3))
                .isInstanceOfSatisfying(ArticleConflict.class,
                        e -> assertThat(e.kind()).isEqualTo(ArticleConflict.Kind.INVALID_TRANSITION));

        article.revise(1, content("v2"), "lee", T3);
        assertThat(article.publish(null, T3)).isPresent();
        assertThat(article.status()).isEqualTo(ArticleStatus.PUBLISHED);
    }

    @Test
    void shouldArchiveADraftThatWasNeverPublished() {
        Article article = Article.draft("a-1", content("v1"), "kim", T0);

        assertThat(article.archive(null, T1)).contains(new ArticleArchived("a-1", 1));
        assertThat(article.status()).isEqualTo(ArticleStatus.ARCHIVED);
        assertThat(article.latest().status()).isEqualTo(ArticleStatus.DRAFT);
    }

    @Test
    void shouldUseTheTicketsCategoryNamesAndReadTheOldJeonseName() {
        assertThat(ArticleCategories.canonical("LOAN_JEONSE")).contains("LOAN_JEONSE");
        assertThat(ArticleCategories.canonical(" card_loss ")).contains("CARD_LOSS");
        assertThat(ArticleCategories.canonical("JEONSE_LOAN")).contains("LOAN_JEONSE");
        assertThat(ArticleCategories.canonical("전세대출")).isEmpty();
        assertThat(ArticleCategories.NAMES).containsExactly("CARD", "CARD_LOSS", "TRANSFER_LIMIT", "LIMIT_INQUIRY",
                "LOAN_JEONSE", "FX", "ACCOUNT", "IDENTITY", "INVESTMENT", "GROUP_ACCOUNT", "FRAUD", "GENERAL");
        ArticleContent old = new ArticleContent("전세대출 연장", "본문", Audience.PUBLIC_FAQ, "JEONSE_LOAN", List.of(),
                List.of());
        assertThat(ArticleContent.problems(old)).isEmpty();
        assertThat(old.normalised().category()).isEqualTo("LOAN_JEONSE");
    }

    @Test
    void shouldRenameEveryVersionsOldCategoryOnce() {
        ArticleContent old = new ArticleContent("전세대출 연장", "본문", Audience.PUBLIC_FAQ, "JEONSE_LOAN", List.of(),
                List.of());
        Article article = Article.draft("a-9", old, "김작가", T0);
        article.publish(null, T0);
        article.revise(1, old, "김작가", T0);

        assertThat(article.renameCategories(T1)).isTrue();
        assertThat(article.versions()).extracting(ArticleVersion::category).containsOnly("LOAN_JEONSE");
        assertThat(article.updatedAt()).isEqualTo(T1);
        assertThat(article.published()).map(ArticleVersion::status).contains(ArticleStatus.PUBLISHED);
        assertThat(article.renameCategories(T1)).isFalse();
    }

    @Test
    void shouldNameWhatIsWrongWithContent() {
        ArticleContent bad = new ArticleContent(" ", "본문", null, "CARD_LOST", List.of("ok", " "), List.of());

        assertThat(ArticleContent.problems(bad)).anyMatch(p -> p.startsWith("title:"))
                .anyMatch(p -> p.startsWith("audience:")).anyMatch(p -> p.startsWith("category:"))
                .anyMatch(p -> p.startsWith("tags:"));
    }

    @Test
    void shouldTrimContentAndDropRepeatedTags() {
        ArticleContent messy = new ArticleContent("  카드 분실  ", "본문\n\n", Audience.AGENT_KMS, "CARD",
                List.of("분실", " 분실 ", "도난"), List.of());

        ArticleContent clean = messy.normalised();

        assertThat(clean.title()).isEqualTo("카드 분실");
        assertThat(clean.body()).isEqualTo("본문\n");
        assertThat(clean.tags()).containsExactly("분실", "도난");
    }
}
