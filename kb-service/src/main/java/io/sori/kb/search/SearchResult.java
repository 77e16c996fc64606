package io.sori.kb.search;

import java.util.List;

/**
 * Ranked hits, best first.
 *
 * @param total       how many articles matched (a lower bound above 1,000)
 * @param topCoverage the share of the question (weighted by how rare each word is) that the best hit
 *                    matches, 0–1; 0 when there is no hit or it was not asked for
 */
public record SearchResult(List<SearchHit> hits, long total, double topCoverage) {

    public static final SearchResult EMPTY = new SearchResult(List.of(), 0, 0);

    public SearchResult {
        hits = List.copyOf(hits);
    }

    public float topScore() {
        return hits.isEmpty() ? 0 : hits.get(0).score();
    }

    public float secondScore() {
        return hits.size() < 2 ? 0 : hits.get(1).score();
    }
}
