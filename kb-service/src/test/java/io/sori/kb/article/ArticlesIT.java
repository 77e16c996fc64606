package io.sori.kb.article;

import static org.assertj.core.api.Assertions.assertThat;

import io.sori.events.EventEnvelope;
import io.sori.events.Topics;
import io.sori.events.kb.ArticleArchived;
import io.sori.events.kb.ArticlePublished;
import io.sori.testsupport.SoriIntegrationTest;
import io.sori.testsupport.TopicProbe;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import io.sori.testsupport.Callers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/** Writing articles over HTTP, the events they publish, and their search index, over the real broker and store. */
@SoriIntegrationTest
class ArticlesIT {

    @Autowired
    WebTestClient http;

    /** The caller of every request below unless a test says otherwise. */
    @BeforeEach
    void signIn() {
        http = http.mutate().defaultHeaders(Callers.admin("kb-admin")).build();
    }

    /** A word no seed article has, so searches see only this test's article. */
    private static String marker() {
        return "sorikb" + UUID.randomUUID().toString().replaceAll("[^a-f]", "");
    }

    private static Map<String, Object> article(String title, String body) {
        Map<String, Object> article = new HashMap<>();
        article.put("title", title);
        article.put("body", body);
        article.put("audience", "PUBLIC_FAQ");
        article.put("category", "CARD");
        article.put("tags", List.of("분실", "재발급"));
        article.put("synonyms", List.of("카드 새로 받기"));
        article.put("author", "김소리");
        return article;
    }

    private long hits(String q) {
        Map<?, ?> result = http.get().uri("/api/kb/search?q={q}", q).exchange()
                .expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
        return ((List<?>) result.get("hits")).size();
    }

    @Test
    void shouldWriteVersionsPublishThemSearchablyAndAnnounceTheLifecycle() {
        String marker = marker();
        try (TopicProbe kb = TopicProbe.on(Topics.KB)) {
            Map<String, Object> created = http.post().uri("/api/kb/articles")
                    .bodyValue(article("카드 재발급 " + marker, "재발급은 앱에서 신청해요."))
                    .exchange()
                    .expectStatus().isCreated()
                    .expectHeader().valueMatches("Location", "/api/kb/articles/.+")
                    .expectBody(new org.springframework.core.ParameterizedTypeReference<Map<String, Object>>() { })
                    .returnResult().getResponseBody();
            String id = (String) created.get("id");
            assertThat(created).containsEntry("version", 1).containsEntry("status", "DRAFT");
            assertThat(hits(marker)).as("a draft is not searchable").isZero();

            http.put().uri("/api/kb/articles/{id}", id)
                    .bodyValue(withVersion(article("카드 재발급 " + marker, "재발급 카드는 5~7영업일 안에 배송돼요."), 1))
                    .exchange()
                    .expectStatus().isOk()
                    .expectBody().jsonPath("$.version").isEqualTo(2).jsonPath("$.versionStatus").isEqualTo("DRAFT");

            // a second editor still on version 1 loses
            http.put().uri("/api/kb/articles/{id}", id)
                    .bodyValue(withVersion(article("옛 제목", "옛 본문"), 1))
                    .exchange()
                    .expectStatus().isEqualTo(409)
                    .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectBody().jsonPath("$.type").isEqualTo("https://sori.io/problems/stale-version");

            http.post().uri("/api/kb/articles/{id}/publish", id).header("X-Correlation-Id", "corr-kb-publish")
                    .bodyValue(Map.of("version", 2)).exchange()
                    .expectStatus().isOk()
                    .expectBody().jsonPath("$.status").isEqualTo("PUBLISHED").jsonPath("$.publishedVersion").isEqualTo(2);

            EventEnvelope<ArticlePublished> published = kb.awaitEvent(ArticlePublished.class,
                    e -> e.articleId().equals(id), Duration.ofSeconds(20));
            assertThat(published.payload().version()).isEqualTo(2);
            assertThat(published.payload().audience()).isEqualTo("PUBLIC_FAQ");
            assertThat(published.correlationId()).isEqualTo("corr-kb-publish");
            assertThat(published.aggregateId()).isEqualTo(id);

            // searchable at once, with a highlighted snippet of the live version
            http.get().uri("/api/kb/search?q={q}&audience=PUBLIC_FAQ", marker + " 배송").exchange()
                    .expectStatus().isOk()
                    .expectBody()
                    .jsonPath("$.hits[0].id").isEqualTo(id)
                    .jsonPath("$.hits[0].category").isEqualTo("CARD")
                    .jsonPath("$.hits[0].snippet").value(s -> assertThat((String) s).contains("<em>"));

            http.get().uri("/api/kb/articles/{id}/versions", id).exchange()
                    .expectStatus().isOk()
                    .expectBody().jsonPath("$.length()").isEqualTo(2)
                    .jsonPath("$[0].status").isEqualTo("DRAFT")
                    .jsonPath("$[1].status").isEqualTo("PUBLISHED");

            // publishing again changes nothing and announces nothing
            http.post().uri("/api/kb/articles/{id}/publish", id).exchange().expectStatus().isOk();

            http.post().uri("/api/kb/articles/{id}/archive", id).exchange()
                    .expectStatus().isOk()
                    .expectBody().jsonPath("$.status").isEqualTo("ARCHIVED");
            kb.awaitEvent(ArticleArchived.class, e -> e.articleId().equals(id) && e.version() == 2,
                    Duration.ofSeconds(20));
            assertThat(hits(marker)).as("an archived article is not searchable").isZero();

            assertThat(kb.drain(Duration.ofSeconds(1)))
                    .filteredOn(r -> r.value().contains("kb.ArticlePublished") && r.value().contains(id))
                    .hasSize(1);
        }
    }

    @Test
    void shouldCreateOneArticlePerIdempotencyKey() {
        String key = "create-" + UUID.randomUUID();
        Map<String, Object> body = article("모임통장 안내 " + marker(), "모임통장 본문");
        String first = (String) http.post().uri("/api/kb/articles").header("Idempotency-Key", key).bodyValue(body)
                .exchange().expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody().get("id");
        String again = (String) http.post().uri("/api/kb/articles").header("Idempotency-Key", key).bodyValue(body)
                .exchange().expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody().get("id");

        assertThat(again).isEqualTo(first);

        // the same key with another article is refused, and changes nothing
        http.post().uri("/api/kb/articles").header("Idempotency-Key", key)
                .bodyValue(article("전혀 다른 글 " + marker(), "다른 본문")).exchange()
                .expectStatus().isEqualTo(422)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.type").isEqualTo("https://sori.io/problems/idempotency-key-reused")
                .jsonPath("$.errors[0].field").isEqualTo("Idempotency-Key");
        http.get().uri("/api/kb/articles/{id}", first).exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.title").value(t -> assertThat((String) t).startsWith("모임통장 안내"));
    }

    @Test
    void shouldCountHelpfulVotes() {
        http.post().uri("/api/kb/articles/faq-card-reissue/votes").bodyValue(Map.of("helpful", true)).exchange()
                .expectStatus().isOk();
        http.post().uri("/api/kb/articles/faq-card-reissue/votes").bodyValue(Map.of("helpful", false)).exchange()
                .expectStatus().isOk();
        http.post().uri("/api/kb/articles/faq-card-reissue/votes").bodyValue(Map.of("helpful", true)).exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.helpful").value(n -> assertThat(((Number) n).longValue()).isGreaterThanOrEqualTo(2))
                .jsonPath("$.notHelpful").value(n -> assertThat(((Number) n).longValue()).isGreaterThanOrEqualTo(1));

        http.get().uri("/api/kb/articles/faq-card-reissue").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.status").isEqualTo("PUBLISHED")
                .jsonPath("$.author").isEqualTo(SeedArticles.AUTHOR)
                .jsonPath("$.votes.helpful").value(n -> assertThat(((Number) n).longValue()).isGreaterThanOrEqualTo(2));
    }

    @Test
    @SuppressWarnings("unchecked")
    void shouldListArticlesByAudienceAndCategory() {
        http.get().uri("/api/kb/articles?audience=AGENT_KMS&category=FRAUD&size=50").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.total").value(n -> assertThat(((Number) n).longValue()).isGreaterThanOrEqualTo(2))
                .jsonPath("$.items[*].audience").value(a -> assertThat((List<Object>) a).containsOnly("AGENT_KMS"));
    }

    @Test
    void shouldAnswerBadArticleRequestsWithProblemsNamingTheField() {
        Map<String, Object> unknownAudience = article("제목", "본문");
        unknownAudience.put("audience", "CUSTOMERS");
        expectFieldProblem(http.post().uri("/api/kb/articles").bodyValue(unknownAudience).exchange(), "audience");

        Map<String, Object> operator = article("제목", "본문");
        operator.put("title", Map.of("$ne", ""));
        expectFieldProblem(http.post().uri("/api/kb/articles").bodyValue(operator).exchange(), "title");

        Map<String, Object> operatorInList = article("제목", "본문");
        operatorInList.put("tags", List.of(Map.of("$where", "1")));
        http.post().uri("/api/kb/articles").bodyValue(operatorInList).exchange().expectStatus().isBadRequest();

        Map<String, Object> noBody = article("제목", "본문");
        noBody.remove("body");
        expectFieldProblem(http.post().uri("/api/kb/articles").bodyValue(noBody).exchange(), "body");

        Map<String, Object> badCategory = article("제목", "본문");
        badCategory.put("category", "card loss");
        expectFieldProblem(http.post().uri("/api/kb/articles").bodyValue(badCategory).exchange(), "category");

        expectFieldProblem(http.put().uri("/api/kb/articles/faq-card-lost").bodyValue(article("제목", "본문")).exchange(),
                "version");
        expectFieldProblem(http.get().uri("/api/kb/articles/{id}", "bad id!").exchange(), "id");
        expectFieldProblem(http.post().uri("/api/kb/articles/faq-card-lost/votes").bodyValue(Map.of()).exchange(),
                "helpful");
        expectFieldProblem(http.get().uri("/api/kb/articles?audience=EVERYONE").exchange(), "audience");
        expectFieldProblem(http.post().uri("/api/kb/articles").header("Idempotency-Key", "bad key with spaces")
                .bodyValue(article("제목", "본문")).exchange(), "Idempotency-Key");

        http.get().uri("/api/kb/articles/no-such-article").exchange()
                .expectStatus().isNotFound()
                .expectBody().jsonPath("$.type").isEqualTo("https://sori.io/problems/not-found");
        http.post().uri("/api/kb/articles/faq-card-lost/publish").bodyValue(Map.of("version", 99)).exchange()
                .expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.type").isEqualTo("https://sori.io/problems/stale-version");
    }

    @Autowired
    org.springframework.data.mongodb.core.ReactiveMongoTemplate mongo;

    @Autowired
    CategoryMigration categoryMigration;

    @Test
    void shouldRefuseACategoryOutsideTheTicketsVocabularyAndReadTheOldNameAsTheShared() {
        Map<String, Object> unknown = article("전세대출 연장 서류", "본문");
        unknown.put("category", "LOAN");
        expectFieldProblem(http.post().uri("/api/kb/articles").bodyValue(unknown).exchange(), "category");
        expectFieldProblem(http.put().uri("/api/kb/articles/faq-card-lost").bodyValue(withVersion(unknown, 1))
                .exchange(), "category");
        expectFieldProblem(http.get().uri("/api/kb/articles?category=JEONSE").exchange(), "category");
        expectFieldProblem(http.get().uri("/api/kb/search?q=전세&category=JEONSE").exchange(), "category");

        // written before the vocabulary was shared: stored under the knowledge base's old name
        String marker = marker();
        java.time.Instant now = java.time.Instant.now();
        Article old = Article.draft("old-" + marker, new ArticleContent("전세대출 " + marker, "전세대출 연장 안내",
                Audience.PUBLIC_FAQ, "JEONSE_LOAN", List.of(), List.of()), "김소리", now);
        old.publish(null, now);
        mongo.insert(old).block(Duration.ofSeconds(10));

        assertThat(categoryMigration.migrate().block(Duration.ofSeconds(10))).isEqualTo(1);
        assertThat(categoryMigration.migrate().block(Duration.ofSeconds(10))).isZero();
        http.get().uri("/api/kb/articles/{id}", old.id()).exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.category").isEqualTo("LOAN_JEONSE");
        for (String category : List.of("LOAN_JEONSE", "JEONSE_LOAN", "loan_jeonse")) {
            http.get().uri("/api/kb/articles?category={c}&size=100", category).exchange()
                    .expectStatus().isOk()
                    .expectBody().jsonPath("$.items[?(@.id == '" + old.id() + "')].category").isEqualTo("LOAN_JEONSE");
        }
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                http.get().uri("/api/kb/search?q={q}&category=LOAN_JEONSE", marker).exchange()
                        .expectStatus().isOk()
                        .expectBody().jsonPath("$.hits[0].id").isEqualTo(old.id())
                        .jsonPath("$.hits[0].category").isEqualTo("LOAN_JEONSE"));
    }

    @Test
    void shouldAnswerBadSearchesWithProblemsNamingTheField() {
        expectFieldProblem(http.get().uri("/api/kb/search").exchange(), "q");
        expectFieldProblem(http.get().uri("/api/kb/search?q={q}", "   ").exchange(), "q");
        expectFieldProblem(http.get().uri("/api/kb/search?q={q}", "카".repeat(10 * 1024 / 3)).exchange(), "q");
        expectFieldProblem(http.get().uri("/api/kb/search?q={q}", "a".repeat(10 * 1024)).exchange(), "q");
        expectFieldProblem(http.get().uri("/api/kb/search?q=카드&audience=CUSTOMER").exchange(), "audience");
        expectFieldProblem(http.get().uri("/api/kb/search?q=카드&size=0").exchange(), "size");
        expectFieldProblem(http.get().uri("/api/kb/search?q=카드&size=many").exchange(), "size");
        expectFieldProblem(http.get().uri("/api/kb/search?q=카드&category={c}", "{\"$ne\":1}").exchange(), "category");
    }

    @Test
    void shouldFindTheSameArticleWhateverTheSpacingAndParticles() {
        for (String q : List.of("이체한도", "이체 한도", "이체한도를 올리고 싶어요")) {
            http.get().uri("/api/kb/search?q={q}&audience=PUBLIC_FAQ&size=3", q).exchange()
                    .expectStatus().isOk()
                    .expectBody().jsonPath("$.hits[0].id").isEqualTo("faq-transfer-limit-raise");
        }
    }

    private static Map<String, Object> withVersion(Map<String, Object> body, int version) {
        body.put("version", version);
        return body;
    }

    private static void expectFieldProblem(WebTestClient.ResponseSpec response, String field) {
        response.expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type").isEqualTo("https://sori.io/problems/validation")
                .jsonPath("$.errors[0].field").isEqualTo(field);
    }
}
