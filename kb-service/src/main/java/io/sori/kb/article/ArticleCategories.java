package io.sori.kb.article;

import io.sori.events.Category;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Articles use the one category vocabulary of tickets ({@link Category}): a ticket's category
 * finds the articles of the same name. Names the knowledge base used before the vocabulary was
 * shared are read as their new name; {@link CategoryMigration} rewrites stored articles at start.
 */
public final class ArticleCategories {

    /** Old knowledge-base name → the shared name. */
    static final Map<String, Category> RENAMED = Map.of("JEONSE_LOAN", Category.LOAN_JEONSE);

    public static final List<String> NAMES = Arrays.stream(Category.values()).map(Category::name).toList();

    private ArticleCategories() {
    }

    /** The shared name of a category written any case, or an old name; empty when it is none. */
    public static Optional<String> canonical(String name) {
        if (name == null || name.isBlank()) {
            return Optional.empty();
        }
        String upper = name.strip().toUpperCase(Locale.ROOT);
        Category renamed = RENAMED.get(upper);
        if (renamed != null) {
            return Optional.of(renamed.name());
        }
        return NAMES.contains(upper) ? Optional.of(upper) : Optional.empty();
    }

    /** The problem message for a name that is not a category. */
    public static String mustBeOne() {
        return "must be one of " + NAMES;
    }
}
