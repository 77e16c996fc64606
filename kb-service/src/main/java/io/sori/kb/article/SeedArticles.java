package io.sori.kb.article;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * Sori Bank's starter knowledge base, {@value #RESOURCE} on the classpath: the articles a new
 * installation publishes on its first start.
 */
public final class SeedArticles {

    public static final String RESOURCE = "kb/seed/articles.yml";
    public static final String AUTHOR = "sori-content-team";

    /** One article as written in the seed file. */
    public record SeedArticle(String id, Audience audience, String category, String title, String body,
            List<String> tags, List<String> synonyms) {

        public ArticleContent content() {
            return new ArticleContent(title, body, audience, category, tags, synonyms);
        }
    }

    private SeedArticles() {
    }

    public static List<SeedArticle> load() {
        try (InputStream in = SeedArticles.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing classpath resource " + RESOURCE);
            }
            return parse(in);
        } catch (IOException e) {
            throw new UncheckedIOException("could not read " + RESOURCE, e);
        }
    }

    static List<SeedArticle> parse(InputStream yaml) {
        Object root = new Yaml(new SafeConstructor(new LoaderOptions())).load(yaml);
        if (!(root instanceof List<?> entries)) {
            throw new IllegalStateException(RESOURCE + " must be a list of articles");
        }
        List<SeedArticle> articles = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (Object entry : entries) {
            if (!(entry instanceof Map<?, ?> fields)) {
                throw new IllegalStateException(RESOURCE + ": every entry must be a mapping");
            }
            String id = text(fields, "id");
            if (!ids.add(id)) {
                throw new IllegalStateException(RESOURCE + ": duplicate id " + id);
            }
            Audience audience = Audience.parse(text(fields, "audience"))
                    .orElseThrow(() -> new IllegalStateException(RESOURCE + ": " + id + " has an unknown audience"));
            SeedArticle article = new SeedArticle(id, audience, text(fields, "category"), text(fields, "title"),
                    text(fields, "body").strip() + "\n", list(fields, "tags"), list(fields, "synonyms"));
            List<String> problems = ArticleContent.problems(article.content());
            if (!problems.isEmpty()) {
                throw new IllegalStateException(RESOURCE + ": " + id + ": " + problems);
            }
            articles.add(article);
        }
        return List.copyOf(articles);
    }

    private static String text(Map<?, ?> fields, String name) {
        Object value = fields.get(name);
        if (!(value instanceof String s) || s.isBlank()) {
            throw new IllegalStateException(RESOURCE + ": an entry lacks " + name + ": " + fields.get("id"));
        }
        return s;
    }

    private static List<String> list(Map<?, ?> fields, String name) {
        Object value = fields.get(name);
        if (value == null) {
            return List.of();
        }
        if (!(value instanceof List<?> items)) {
            throw new IllegalStateException(RESOURCE + ": " + name + " of " + fields.get("id") + " must be a list");
        }
        return items.stream().map(String::valueOf).toList();
    }
}
