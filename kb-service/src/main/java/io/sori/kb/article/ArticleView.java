package io.sori.kb.article;

import java.time.Instant;
import java.util.List;

/**
 * An article as the API shows it: its latest version (which may be a draft newer than the live
 * one), the article's lifecycle status and which version is live.
 *
 * @param version         the latest version's number: send it back with an edit
 * @param status          the article's status: DRAFT (never published), PUBLISHED (a version is live), ARCHIVED
 * @param versionStatus   the latest version's own status
 * @param publishedVersion the live version's number, if any
 */
public record ArticleView(String id, int version, ArticleStatus status, ArticleStatus versionStatus,
        Integer publishedVersion, Audience audience, String category, String title, String body, List<String> tags,
        List<String> synonyms, String author, ArticleService.Votes votes, int versions, Instant createdAt,
        Instant updatedAt) {

    public static ArticleView of(Article article, ArticleService.Votes votes) {
        return of(article, article.latest(), votes);
    }

    /** The article as {@code shown}, one of its versions: the latest for staff, the published one for customers. */
    public static ArticleView of(Article article, ArticleVersion shown, ArticleService.Votes votes) {
        return new ArticleView(article.id(), shown.number(), article.status(), shown.status(),
                article.publishedVersion(), shown.audience(), shown.category(), shown.title(), shown.body(),
                shown.tags(), shown.synonyms(), shown.author(), votes, article.versions().size(),
                article.createdAt(), article.updatedAt());
    }

    /** One version in the history of an article. */
    public record VersionSummary(int number, ArticleStatus status, String title, String author, Instant createdAt,
            Instant publishedAt, Instant archivedAt) {

        static VersionSummary of(ArticleVersion v) {
            return new VersionSummary(v.number(), v.status(), v.title(), v.author(), v.createdAt(), v.publishedAt(),
                    v.archivedAt());
        }
    }
}
