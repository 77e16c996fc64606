package io.sori.kb.answer;

import static org.assertj.core.api.Assertions.assertThat;

import io.sori.kb.article.Audience;
import io.sori.kb.article.SeedArticles;
import io.sori.kb.search.ArticleIndex;
import io.sori.kb.search.IndexedArticle;
import io.sori.kb.search.KoreanAnalysis;
import io.sori.kb.search.SearchResult;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The chatbot's FAQ answers over the colloquial evaluation set ({@value #RESOURCE}): questions as
 * customers type them (반말, typos, spacing, abbreviations, emoticons, loanwords, wording far from
 * the titles), each labelled with the article the bank wants to answer it, or none. Every question
 * runs through the answer endpoint's own path ({@link AnswerService#queryFor},
 * {@link AnswerService#answerOf}) over the starter knowledge base, with the service's default
 * threshold. Prints the figures and every miss; docs/faq-evaluation.md reports them.
 */
class FaqEvaluationTest {

    static final String RESOURCE = "kb/evaluation/faq-questions.tsv";
    /** The share of answerable questions that must be answered from the right article. */
    static final double MIN_ACCURACY = 0.85;
    /** Questions the FAQ does not cover that may be answered anyway: none. */
    static final int MAX_ANSWERED_UNCOVERED = 0;
    static final String NONE = "none";

    record Question(String text, String expected, Set<String> styles) {
        boolean answerable() {
            return !NONE.equals(expected);
        }
    }

    record Outcome(Question question, AnswerService.Answer answer, String best) {
        boolean right() {
            return question.answerable() ? answer.answered() && question.expected().equals(answer.articleId())
                    : !answer.answered();
        }
    }

    private static ArticleIndex index;

    @BeforeAll
    static void buildIndex() {
        index = new ArticleIndex(KoreanAnalysis.standard());
        index.rebuild(SeedArticles.load().stream()
                .map(s -> new IndexedArticle(s.id(), 0, true, 1, s.audience(), s.category(), s.title(), s.body(),
                        s.tags(), s.synonyms()))
                .toList());
    }

    @AfterAll
    static void close() throws IOException {
        index.close();
    }

    static List<Question> questions() {
        List<Question> questions = new ArrayList<>();
        try (InputStream in = FaqEvaluationTest.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            assertThat(in).as(RESOURCE).isNotNull();
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] columns = line.split("\t");
                assertThat(columns).as("columns of \"%s\"", line).hasSizeGreaterThanOrEqualTo(2);
                Set<String> styles = columns.length > 2 ? Set.of(columns[2].strip().split("\\s+")) : Set.of();
                questions.add(new Question(columns[0].strip(), columns[1].strip(), styles));
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return questions;
    }

    private static Outcome ask(Question question) {
        SearchResult result = index.search(AnswerService.queryFor(question.text()));
        AnswerService.Answer answer = AnswerService.answerOf(result, new AnswerProperties(null, null, null).threshold());
        return new Outcome(question, answer, result.hits().isEmpty() ? null : result.hits().get(0).id());
    }

    @Test
    void shouldLabelEveryPublicArticleAndOnlyPublicArticles() {
        Set<String> publicIds = SeedArticles.load().stream().filter(s -> s.audience() == Audience.PUBLIC_FAQ)
                .map(SeedArticles.SeedArticle::id).collect(Collectors.toSet());
        List<Question> questions = questions();
        assertThat(questions).hasSizeGreaterThanOrEqualTo(120);
        Set<String> labelled = questions.stream().filter(Question::answerable).map(Question::expected)
                .collect(Collectors.toSet());
        assertThat(publicIds).as("public articles").isSubsetOf(labelled);
        assertThat(labelled).as("labels").isSubsetOf(publicIds);
        assertThat(questions.stream().map(Question::text).distinct().count()).isEqualTo(questions.size());
    }

    @Test
    void shouldAnswerColloquialQuestionsFromTheRightArticleAndHandOffTheRest() {
        List<Outcome> outcomes = questions().stream().map(FaqEvaluationTest::ask).toList();
        List<Outcome> answerable = outcomes.stream().filter(o -> o.question().answerable()).toList();
        List<Outcome> uncovered = outcomes.stream().filter(o -> !o.question().answerable()).toList();

        long rightArticle = answerable.stream().filter(Outcome::right).count();
        long wrongArticle = answerable.stream()
                .filter(o -> o.answer().answered() && !o.question().expected().equals(o.answer().articleId())).count();
        long answered = outcomes.stream().filter(o -> o.answer().answered()).count();
        long answeredAnswerable = answerable.stream().filter(o -> o.answer().answered()).count();
        long answeredUncovered = uncovered.stream().filter(o -> o.answer().answered()).count();
        double accuracy = (double) rightArticle / answerable.size();
        double precision = answered == 0 ? 1 : (double) answeredAnswerable / answered;
        double recall = (double) answeredAnswerable / answerable.size();

        StringBuilder report = new StringBuilder();
        report.append(String.format(Locale.ROOT, "FAQ evaluation: %d questions (%d answerable, %d not covered)%n",
                outcomes.size(), answerable.size(), uncovered.size()));
        report.append(String.format(Locale.ROOT, "  answered from the right article: %d/%d = %.1f%% (target >= %.0f%%)%n",
                rightArticle, answerable.size(), 100 * accuracy, 100 * MIN_ACCURACY));
        report.append(String.format(Locale.ROOT, "  answered from a wrong article:   %d%n", wrongArticle));
        report.append(String.format(Locale.ROOT, "  'answered' precision %.1f%% (%d of %d answered should be), recall %.1f%%%n",
                100 * precision, answeredAnswerable, answered, 100 * recall));
        report.append(String.format(Locale.ROOT, "  not-covered questions answered anyway: %d/%d (allowed %d)%n",
                answeredUncovered, uncovered.size(), MAX_ANSWERED_UNCOVERED));
        Map<String, long[]> byStyle = new TreeMap<>();
        for (Outcome o : answerable) {
            for (String style : o.question().styles()) {
                long[] counts = byStyle.computeIfAbsent(style, s -> new long[2]);
                counts[0] += o.right() ? 1 : 0;
                counts[1]++;
            }
        }
        byStyle.forEach((style, c) -> report.append(String.format(Locale.ROOT, "    %-9s %d/%d%n", style, c[0], c[1])));
        report.append("  misses:\n");
        outcomes.stream().filter(o -> !o.right()).forEach(o -> report.append(String.format(Locale.ROOT,
                "    \"%s\" expected %s, got %s (best %s, confidence %.3f)%n", o.question().text(),
                o.question().expected(), o.answer().answered() ? o.answer().articleId() : "not answered", o.best(),
                o.answer().confidence())));
        System.out.println(report);

        assertThat(accuracy).as(report.toString()).isGreaterThanOrEqualTo(MIN_ACCURACY);
        assertThat(answeredUncovered).as(report.toString()).isLessThanOrEqualTo(MAX_ANSWERED_UNCOVERED);
    }
}
