package io.sori.kb.search;

import static org.awaitility.Awaitility.await;

import io.sori.kb.article.Article;
import io.sori.kb.article.ArticleContent;
import io.sori.kb.article.Audience;
import io.sori.testsupport.SoriIntegrationTest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import io.sori.testsupport.Callers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.test.web.reactive.server.WebTestClient;

/** Each instance's index follows the store, including what other instances write. */
@SoriIntegrationTest
class IndexSyncIT {

    @Autowired
    WebTestClient http;

    /** The caller of every request below unless a test says otherwise. */
    @BeforeEach
    void signIn() {
        http = http.mutate().defaultHeaders(Callers.admin("kb-admin")).build();
    }

    @Autowired
    ReactiveMongoTemplate mongo;

    @Test
    void shouldReportTheIndexInHealth() {
        // readiness itself waits for the index: the build is an application runner, and Boot accepts
        // traffic only once the runners are done
        http.get().uri("/actuator/health/readiness").exchange().expectStatus().isOk();
        http.get().uri("/actuator/health").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.components.searchIndex.status").isEqualTo("UP")
                .jsonPath("$.components.searchIndex.details.documents").exists();
    }

    @Test
    void shouldExposeSearchAndAnswerMetrics() {
        http.get().uri("/api/kb/search?q=카드 분실").exchange().expectStatus().isOk();
        http.get().uri("/api/kb/answer?q=카드 분실").exchange().expectStatus().isOk();

        http.get().uri("/actuator/prometheus").exchange()
                .expectStatus().isOk()
                .expectBody(String.class)
                .value(body -> org.assertj.core.api.Assertions.assertThat(body)
                        .contains("sori_kb_search_seconds_bucket{")
                        .contains("purpose=\"search\"", "purpose=\"answer\"")
                        .contains("sori_kb_answers_total{", "outcome=\"answered\"")
                        .contains("sori_kb_answer_confidence_bucket{")
                        .contains("sori_kb_index_documents{")
                        .contains("sori_kb_suggestions_computed_total{"));
    }

    @Test
    void shouldPickUpAnArticlePublishedByAnotherInstance() {
        String marker = "sorisync" + UUID.randomUUID().toString().replaceAll("[^a-f]", "");
        Instant now = Instant.now();
        Article article = Article.draft("sync-" + UUID.randomUUID(), new ArticleContent("다른 인스턴스가 쓴 글 " + marker,
                "이 글은 다른 인스턴스가 게시했어요.", Audience.AGENT_KMS, "GENERAL", List.of(), List.of()), "other", now);
        article.publish(null, now);

        // written straight to the store, as another instance would: this instance was not told
        mongo.insert(article).block(Duration.ofSeconds(10));

        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> http.get()
                .uri("/api/kb/search?q={q}&audience=AGENT_KMS", marker).exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.hits[0].id").isEqualTo(article.id()));
    }
}
