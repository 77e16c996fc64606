package io.sori.kb.article;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What an author writes: one version's content. Plain strings only (Markdown body), so nothing
 * in it is ever read by the store as an operator.
 */
public record ArticleContent(String title, String body, Audience audience, String category, List<String> tags,
        List<String> synonyms) {

    public static final int MAX_TITLE = 200;
    public static final int MAX_BODY = 20_000;
    public static final int MAX_TERMS = 30;
    public static final int MAX_TERM_LENGTH = 50;

    public ArticleContent {
        tags = tags == null ? List.of() : List.copyOf(tags);
        synonyms = synonyms == null ? List.of() : List.copyOf(synonyms);
    }

    /** What is wrong with this content, as "field: message"; empty when it may be stored. */
    public static List<String> problems(ArticleContent content) {
        List<String> problems = new ArrayList<>();
        if (content.title() == null || content.title().isBlank() || content.title().length() > MAX_TITLE) {
            problems.add("title: must be 1 to " + MAX_TITLE + " characters");
        }
        if (content.body() == null || content.body().isBlank() || content.body().length() > MAX_BODY) {
            problems.add("body: must be 1 to " + MAX_BODY + " characters");
        }
        if (content.audience() == null) {
            problems.add("audience: must be one of " + Audience.ALL);
        }
        if (ArticleCategories.canonical(content.category()).isEmpty()) {
            problems.add("category: " + ArticleCategories.mustBeOne());
        }
        checkTerms("tags", content.tags(), problems);
        checkTerms("synonyms", content.synonyms(), problems);
        return problems;
    }

    private static void checkTerms(String field, List<String> terms, List<String> problems) {
        if (terms.size() > MAX_TERMS) {
            problems.add(field + ": at most " + MAX_TERMS);
        }
        for (String term : terms) {
            if (term == null || term.isBlank() || term.length() > MAX_TERM_LENGTH) {
                problems.add(field + ": every entry must be 1 to " + MAX_TERM_LENGTH + " characters");
                return;
            }
        }
    }

    /**
     * The same content, trimmed: no surrounding blanks, no empty or repeated tags and synonyms, the
     * category by its shared name.
     */
    public ArticleContent normalised() {
        return new ArticleContent(title.strip(), body.strip() + "\n", audience,
                ArticleCategories.canonical(category).orElse(category), distinct(tags), distinct(synonyms));
    }

    private static List<String> distinct(List<String> terms) {
        return terms.stream().filter(Objects::nonNull).map(String::strip).filter(t -> !t.isEmpty()).distinct()
                .toList();
    }
}
