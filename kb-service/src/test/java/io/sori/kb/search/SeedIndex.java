package io.sori.kb.search;

import io.sori.kb.article.SeedArticles;
import java.util.List;

/** The starter knowledge base in an index, as a fresh installation has it. */
final class SeedIndex {

    private static ArticleIndex index;

    private SeedIndex() {
    }

    static synchronized ArticleIndex get() {
        if (index == null) {
            index = new ArticleIndex(KoreanAnalysis.standard());
            List<IndexedArticle> articles = SeedArticles.load().stream()
                    .map(seed -> new IndexedArticle(seed.id(), 0, true, 1, seed.audience(), seed.category(),
                            seed.title(), seed.body(), seed.tags(), seed.synonyms()))
                    .toList();
            index.rebuild(articles);
        }
        return index;
    }
}
