package io.sori.testsupport;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * What every Sori service shows its operators, checked against the running service:
 * readiness that includes the store and the broker, Prometheus metrics, OpenAPI, request
 * ids, and problem details for unknown paths. A service's boot test extends this and is
 * annotated {@link SoriIntegrationTest}.
 */
public abstract class ServiceBootChecks {

    @Autowired
    protected WebTestClient http;

    @Test
    void shouldBeLiveAndReadyWithItsStoreAndBroker() {
        http.get().uri("/actuator/health/liveness").exchange().expectStatus().isOk();
        http.get().uri("/actuator/health/readiness").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.status").isEqualTo("UP")
                .jsonPath("$.components.mongo.status").isEqualTo("UP")
                .jsonPath("$.components.kafka.status").isEqualTo("UP");
    }

    /**
     * A scrape is not a request body: with latency histograms per endpoint and status it passes the
     * services' 256 KB body limit once a test suite has called many endpoints (kb-service's ~400 KB).
     */
    private static final int SCRAPE_LIMIT = 16 * 1024 * 1024;

    @Test
    void shouldExposePrometheusMetricsTaggedWithTheService() {
        http.mutate().codecs(codecs -> codecs.defaultCodecs().maxInMemorySize(SCRAPE_LIMIT)).build()
                .get().uri("/actuator/prometheus").exchange()
                .expectStatus().isOk()
                .expectBody(String.class)
                .value(body -> org.assertj.core.api.Assertions.assertThat(body)
                        .contains("jvm_memory_used_bytes", "application=\"")
                        .contains("sori_outbox_pending"));
    }

    @Test
    void shouldPublishItsOpenApi() {
        http.get().uri("/v3/api-docs").exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.openapi").exists()
                // the caller is the verified token: no operation may offer it as a parameter
                .jsonPath("$.paths..parameters[?(@.name == 'actor')]").isEmpty();
    }

    @Test
    void shouldEchoARequestIdAndAnswerUnknownPathsWithAProblem() {
        http.get().uri("/api/no-such-thing").header("X-Request-Id", "req-12345")
                .headers(Callers.agent("agent-boot-check")).exchange()
                .expectStatus().isNotFound()
                .expectHeader().valueEquals("X-Request-Id", "req-12345")
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type").isEqualTo("https://sori.io/problems/not-found")
                .jsonPath("$.requestId").isEqualTo("req-12345");
    }

    @Test
    void shouldRefuseCallersWithoutAVerifiedToken() {
        http.get().uri("/api/no-such-thing").exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.type").isEqualTo("https://sori.io/problems/unauthenticated");
        // identity headers anyone can set mean nothing: straight to the service, they are refused
        http.get().uri("/api/no-such-thing")
                .header("X-Sori-Actor", "admin").header("X-Sori-Roles", "ADMIN,SUPERVISOR")
                .header("X-User-Id", "admin").header("X-Forwarded-User", "admin").exchange()
                .expectStatus().isUnauthorized();
        http.get().uri("/api/no-such-thing").headers(Callers.bearer(Tokens.tampered("mallory"))).exchange()
                .expectStatus().isUnauthorized()
                .expectBody().jsonPath("$.type").isEqualTo("https://sori.io/problems/invalid-token");
        http.get().uri("/api/no-such-thing").headers(Callers.bearer(Tokens.expired("kim", java.util.List.of("AGENT"))))
                .exchange()
                .expectStatus().isUnauthorized();
    }
}
