package io.sori.kb.article;

import java.time.Instant;
import java.util.List;

/**
 * One version of an article, kept for good: each edit adds one, publishing one archives the
 * version that was live before it.
 */
public record ArticleVersion(int number, String title, String body, Audience audience, String category,
        List<String> tags, List<String> synonyms, ArticleStatus status, String author, Instant createdAt,
        Instant publishedAt, Instant archivedAt) {

    public ArticleVersion {
        tags = tags == null ? List.of() : List.copyOf(tags);
        synonyms = synonyms == null ? List.of() : List.copyOf(synonyms);
    }

    static ArticleVersion draft(int number, ArticleContent content, String author, Instant now) {
        return new ArticleVersion(number, content.title(), content.body(), content.audience(), content.category(),
                content.tags(), content.synonyms(), ArticleStatus.DRAFT, author, now, null, null);
    }

    public ArticleContent content() {
        return new ArticleContent(title, body, audience, category, tags, synonyms);
    }

    ArticleVersion published(Instant at) {
        return new ArticleVersion(number, title, body, audience, category, tags, synonyms, ArticleStatus.PUBLISHED,
                author, createdAt, at, null);
    }

    ArticleVersion withCategory(String renamed) {
        return new ArticleVersion(number, title, body, audience, renamed, tags, synonyms, status, author, createdAt,
                publishedAt, archivedAt);
    }

    ArticleVersion archived(Instant at) {
        return new ArticleVersion(number, title, body, audience, category, tags, synonyms, ArticleStatus.ARCHIVED,
                author, createdAt, publishedAt, at);
    }
}
