package io.sori.kb.search;

import io.sori.kb.article.Audience;
import java.util.Objects;

/**
 * A search over the published articles.
 *
 * @param audience      only this audience; null for both
 * @param category          only this category; null for all
 * @param preferredCategory articles in this category rank a little higher (a ticket's category); null for none
 * @param size              how many hits at most
 * @param answering         for an answer: also measure how much of the question the best hit covers, and
 *                          return the best hit's body
 */
public record SearchQuery(String text, Audience audience, String category, String preferredCategory, int size,
        boolean answering) {

    public SearchQuery {
        Objects.requireNonNull(text, "text");
        if (size < 1) {
            throw new IllegalArgumentException("size must be at least 1");
        }
    }

    public static SearchQuery of(String text, Audience audience, int size) {
        return new SearchQuery(text, audience, null, null, size, false);
    }
}
