package io.sori.kb.search;

import io.sori.kb.article.Audience;

/**
 * One ranked article.
 *
 * @param snippet the best passage of the body, HTML-escaped, with matched words in {@code <em>}
 * @param body    the published body, Markdown; only for the best hit of an answer, else null
 */
public record SearchHit(String id, int version, String title, String snippet, float score, Audience audience,
        String category, String body) {
}
