package io.sori.kb.search;

import io.sori.kb.article.Article;
import io.sori.kb.article.ArticleCategories;
import io.sori.kb.article.Audience;
import java.util.List;
import java.util.Objects;

/**
 * What the search index holds of one article: its published version, or nothing ({@code live}
 * false) when it has none (a draft, or archived). {@code revision} orders the states of one
 * article, so a late or repeated update never overwrites a newer one.
 *
 * @param version the article's content version that is published
 * @param body    Markdown, as written
 */
public record IndexedArticle(String id, long revision, boolean live, int version, Audience audience, String category,
        String title, String body, List<String> tags, List<String> synonyms) {

    public IndexedArticle {
        Objects.requireNonNull(id, "id");
        tags = tags == null ? List.of() : List.copyOf(tags);
        synonyms = synonyms == null ? List.of() : List.copyOf(synonyms);
    }

    /** What the index should hold of an article in this state. */
    public static IndexedArticle of(Article article) {
        return article.published()
                .map(live -> new IndexedArticle(article.id(), article.revision(), true, live.number(), live.audience(),
                        ArticleCategories.canonical(live.category()).orElse(live.category()), live.title(), live.body(), live.tags(), live.synonyms()))
                .orElseGet(() -> gone(article.id(), article.revision()));
    }

    public static IndexedArticle gone(String id, long revision) {
        return new IndexedArticle(id, revision, false, 0, null, null, null, null, List.of(), List.of());
    }
}
