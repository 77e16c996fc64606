package io.sori.gateway;

import static io.sori.testsupport.Callers.agent;
import static io.sori.testsupport.Callers.bearer;
import static io.sori.testsupport.Callers.channel;
import static io.sori.testsupport.Callers.customer;
import static io.sori.testsupport.Callers.supervisor;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.sori.testsupport.Tokens;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledIfSystemProperty;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The door, tested from outside: real HTTP into the gateway, real HTTP out to services that
 * echo what reached them, hang, fail, or are not there at all.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "sori.security.dev-tokens=true",
        "spring.cloud.gateway.server.webflux.httpclient.response-timeout=2s",
        "resilience4j.timelimiter.configs.default.timeout-duration=3s",
        "sori.gateway.rate-limits.per-role.agent.burst=10",
        "sori.gateway.rate-limits.per-role.agent.per-second=1",
        "sori.gateway.rate-limits.per-end-customer.burst=3",
        "sori.gateway.rate-limits.per-end-customer.per-second=0.2",
        "sori.gateway.intake-body-limit=8KB",
        // blocklist: room for two calls at once, and a breaker that would open after 4 failed calls
        "sori.gateway.admission.per-route.blocklist=2",
        // the live feed: one place, which a started stream gives back
        "sori.gateway.admission.per-route.tickets-live=1",
        "resilience4j.circuitbreaker.instances.blocklist.minimum-number-of-calls=4",
        "sori.gateway.cors.allowed-origins=http://console.sori.test",
        "SORI_GATEWAY_MAX_REQUEST_SIZE=64KB",
        "management.server.port=0"})
@AutoConfigureWebTestClient(timeout = "20s")
@DisabledIfSystemProperty(named = "sori.test.backend", matches = "containers",
        disabledReason = "the gateway keeps no data: one run, not one per store backend")
class GatewaySecurityIT {

    @DynamicPropertySource
    static void services(DynamicPropertyRegistry registry) {
        StubServices stubs = StubServices.get();
        for (String service : List.of("SORI_TICKET_URL", "SORI_CHANNEL_URL", "SORI_KB_URL", "SORI_BLOCKLIST_URL")) {
            registry.add(service, stubs::url);
        }
        registry.add("SORI_SURVEY_URL", stubs::stoppedUrl); // survey-service is stopped
    }

    @Autowired
    WebTestClient http;

    @LocalServerPort
    int port;

    @LocalManagementPort
    int managementPort;

    private final HttpClient raw = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    /** Sent exactly as written: WebTestClient would re-encode a path's '%' and tidy its dots. */
    private HttpResponse<String> rawGet(int toPort, String path, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + toPort + path))
                .timeout(Duration.ofSeconds(20)).GET();
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return raw.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static void assertProblem(HttpResponse<String> response, int status, String type) {
        assertThat(response.statusCode()).as(response.uri() + " " + response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                t -> assertThat(t).startsWith("application/problem+json"));
        assertThat(response.body()).contains("\"type\":\"https://sori.io/problems/" + type + "\"",
                "\"title\":", "\"status\":" + status, "\"detail\":");
    }

    @Test
    void shouldRefuseEveryOtherSpellingOfAPathBeforeAnyRuleOrRouteSeesIt() throws Exception {
        int before = StubServices.get().totalCalls();
        String agentToken = Tokens.valid("agent-kim", List.of("AGENT"), null);
        for (String path : List.of("/%61pi/tickets", "/api;x=1/tickets", "/api/./tickets", "//api/tickets",
                "/api%2ftickets", "/api/surveys/..%2ftickets", "/api/surveys/../tickets/T-1",
                "/api/surveys/x/..;/../tickets", "/api/tickets/%2e%2e/agents", "/api/kb/articles/A-1%00",
                "/api/tickets/T-1%5c..%5cagents")) {
            for (String token : java.util.Arrays.asList(null, agentToken)) {
                assertProblem(rawGet(port, path, token), 400, "non-canonical-path");
            }
        }
        // another case is another path: a token is still needed, and no route serves it
        assertProblem(rawGet(port, "/API/tickets", null), 401, "unauthenticated");
        assertProblem(rawGet(port, "/Api/agents", agentToken), 404, "not-found");
        // Korean in a path stays allowed: its UTF-8 bytes must be escaped
        assertThat(rawGet(port, "/api/tickets/%EA%B3%A0%EA%B0%9D", agentToken).statusCode()).isEqualTo(200);
        assertThat(StubServices.get().totalCalls() - before).as("only the one canonical call reached a service")
                .isEqualTo(1);
    }

    @Test
    void shouldServeOnlyLivenessAndReadinessOnThePublicPortAndTheRestOnTheManagementPort() throws Exception {
        String admin = Tokens.valid("ops-lee", List.of("ADMIN"), null);
        for (String path : List.of("/actuator/prometheus", "/actuator/metrics", "/actuator/env", "/actuator/health",
                "/actuator/gateway/routes", "/actuator/health/readiness", "/actuator")) {
            assertProblem(rawGet(port, path, null), 401, "unauthenticated");
            assertProblem(rawGet(port, path, admin), 404, "not-found");
        }
        assertThat(rawGet(port, "/livez", null).statusCode()).isEqualTo(200);
        assertThat(rawGet(port, "/readyz", null).body()).contains("UP");
        assertThat(rawGet(managementPort, "/actuator/prometheus", null).body()).contains("jvm_memory_used_bytes",
                "application=\"gateway\"");
        assertThat(rawGet(managementPort, "/actuator/health/readiness", null).statusCode()).isEqualTo(200);
    }

    @Test
    void shouldServeTheConsoleAndTheStatusPageWithoutATokenUnderAPolicyThatAllowsOnlyThisOrigin() throws Exception {
        for (String page : List.of("/console/", "/status/")) {
            HttpResponse<String> html = rawGet(port, page, null);
            assertThat(html.statusCode()).as(page).isEqualTo(200);
            assertThat(html.headers().firstValue("Content-Type")).hasValueSatisfying(
                    type -> assertThat(type).startsWith("text/html"));
            assertThat(html.body()).contains("<html lang=\"ko\">", "/console/assets/");
            assertThat(html.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(csp -> assertThat(csp)
                    .contains("default-src 'self'", "script-src 'self'", "connect-src 'self'", "frame-ancestors 'none'"));
            assertThat(html.headers().firstValue("Cache-Control")).hasValueSatisfying(
                    cache -> assertThat(cache).contains("no-store"));
            assertThat(html.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");

            // the page's script, by the name the build gave it: kept for a year, since a new build has new names
            java.util.regex.Matcher script = java.util.regex.Pattern.compile("src=\"(/console/assets/[^\"]+\\.js)\"")
                    .matcher(html.body());
            assertThat(script.find()).as(html.body()).isTrue();
            HttpResponse<String> js = rawGet(port, script.group(1), null);
            assertThat(js.statusCode()).isEqualTo(200);
            assertThat(js.headers().firstValue("Content-Type")).hasValueSatisfying(
                    type -> assertThat(type).contains("javascript"));
            assertThat(js.headers().firstValue("Cache-Control")).hasValueSatisfying(
                    cache -> assertThat(cache).contains("max-age=31536000", "immutable").doesNotContain("no-store"));
        }
        // the bare names lead to the pages
        HttpResponse<String> bare = rawGet(port, "/console", null);
        assertThat(bare.statusCode()).isEqualTo(308);
        assertThat(bare.headers().firstValue("Location")).hasValue("/console/");
        // only reading is open: nothing else under those paths, and the API still needs its token
        http.post().uri("/console/").exchange().expectStatus().isUnauthorized();
        assertProblem(rawGet(port, "/console/../api/tickets", null), 400, "non-canonical-path");
        assertProblem(rawGet(port, "/api/tickets/queue", null), 401, "unauthenticated");
    }

    @Test
    void shouldReadRolesAsTheServicesDo() {
        long exp = java.time.Instant.now().plusSeconds(300).getEpochSecond();
        // a string of names in any case: the services' TokenRules grants AGENT, so the door does too
        http.get().uri("/api/agents").headers(bearer(Tokens.withClaims(Map.of("sub", "agent-kim", "iss",
                Tokens.DEFAULT_ISSUER, "exp", exp, "roles", "agent")))).exchange().expectStatus().isOk();
        http.get().uri("/api/agents").headers(bearer(Tokens.withClaims(Map.of("sub", "agent-kim", "iss",
                Tokens.DEFAULT_ISSUER, "exp", exp, "roles", List.of(" Supervisor "))))).exchange()
                .expectStatus().isOk();
        // scope, prefixed names and SYSTEM grant nothing, here as in the services
        for (Map<String, Object> claims : List.<Map<String, Object>>of(
                Map.of("sub", "x", "iss", Tokens.DEFAULT_ISSUER, "exp", exp, "scope", "ADMIN AGENT", "roles", "CUSTOMER"),
                Map.of("sub", "x", "iss", Tokens.DEFAULT_ISSUER, "exp", exp, "roles", List.of("ROLE_ADMIN", "SYSTEM")))) {
            http.get().uri("/api/agents").headers(bearer(Tokens.withClaims(claims))).exchange()
                    .expectStatus().isForbidden();
        }
    }

    @Test
    void shouldRefuseATokenWithoutExpiry() {
        http.get().uri("/api/tickets/T-6").headers(bearer(Tokens.withoutExpiry("agent-kim", List.of("AGENT"))))
                .exchange()
                .expectStatus().isUnauthorized()
                .expectBody().jsonPath("$.type").isEqualTo("https://sori.io/problems/invalid-token");
        assertThat(StubServices.get().callsTo("GET", "/api/tickets/T-6")).isZero();
    }

    @Test
    void shouldAnswerTheGatewaysOwnRefusalsAsProblems() {
        http.get().uri("/api/dev/tokens").headers(agent("agent-kim")).exchange()
                .expectStatus().isEqualTo(HttpStatus.METHOD_NOT_ALLOWED)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.type").isEqualTo("https://sori.io/problems/method-not-allowed")
                .jsonPath("$.status").isEqualTo(405).jsonPath("$.title").exists().jsonPath("$.detail").exists();
        http.post().uri("/api/dev/tokens").contentType(MediaType.TEXT_PLAIN).bodyValue("subject=kim").exchange()
                .expectStatus().isEqualTo(HttpStatus.UNSUPPORTED_MEDIA_TYPE)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.type").isEqualTo("https://sori.io/problems/unsupported-media-type")
                .jsonPath("$.status").isEqualTo(415).jsonPath("$.detail").exists();
        http.options().uri("/api/tickets").header("Origin", "http://evil.example")
                .header("Access-Control-Request-Method", "GET").exchange()
                .expectStatus().isForbidden()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.type").isEqualTo("https://sori.io/problems/cors-refused")
                .jsonPath("$.status").isEqualTo(403).jsonPath("$.detail").exists();
        http.get().uri("/api/tickets/T-7").header("Origin", "http://evil.example").headers(agent("agent-kim"))
                .exchange().expectStatus().isForbidden()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void shouldRefuseMissingTamperedExpiredForeignAndUnsignedTokens() {
        http.get().uri("/api/tickets/T-1").exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().valueEquals("WWW-Authenticate", "Bearer")
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.type").isEqualTo("https://sori.io/problems/unauthenticated")
                .jsonPath("$.requestId").exists();
        String unsigned = "eyJhbGciOiJub25lIn0." + java.util.Base64.getUrlEncoder().withoutPadding()
                .encodeToString("{\"sub\":\"kim\",\"roles\":[\"ADMIN\"]}".getBytes()) + ".";
        for (String token : List.of(Tokens.tampered("mallory"), Tokens.expired("kim", List.of("AGENT")),
                Tokens.fromIssuer("https://idp.evil.example", "kim", List.of("AGENT")),
                Tokens.signedWith("someone-elses-secret-that-is-long-enough", "kim", List.of("AGENT")),
                unsigned, "garbage")) {
            http.get().uri("/api/tickets/T-1").headers(bearer(token)).exchange()
                    .expectStatus().isUnauthorized()
                    .expectBody().jsonPath("$.type").isEqualTo("https://sori.io/problems/invalid-token");
        }
        assertThat(StubServices.get().callsTo("GET", "/api/tickets/T-1")).as("nothing refused reached the service")
                .isZero();
    }

    @Test
    void shouldPassAVerifiedCallerOnWithTheTokenForTheServiceToCheckAgain() {
        Map<?, ?> echo = http.get().uri("/api/tickets/T-2").headers(agent("agent-kim")).exchange()
                .expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody();
        assertThat((String) echo.get("authorization")).startsWith("Bearer ey");
    }

    @Test
    void shouldRefuseRolesThatDoNotBelongOnARoute() {
        http.get().uri("/api/agents").headers(customer("C-1")).exchange().expectStatus().isForbidden()
                .expectBody().jsonPath("$.type").isEqualTo("https://sori.io/problems/forbidden");
        http.get().uri("/api/surveys/stats?groupBy=agent").headers(customer("C-1")).exchange()
                .expectStatus().isForbidden();
        http.post().uri("/api/blocklist/blocks/B-1/lift").headers(agent("agent-kim"))
                .bodyValue(Map.of("reason", "사과함")).exchange().expectStatus().isForbidden();
        http.post().uri("/api/channels/chat/messages").headers(customer("C-1"))
                .bodyValue(Map.of("customerId", "C-2", "text", "안녕하세요")).exchange().expectStatus().isForbidden();
        http.put().uri("/api/kb/reference-data/FX_RATES").headers(supervisor("lead-park"))
                .bodyValue(Map.of()).exchange().expectStatus().isForbidden();
        http.post().uri("/api/kb/articles").headers(agent("agent-kim"))
                .bodyValue(Map.of()).exchange().expectStatus().isForbidden();

        http.post().uri("/api/blocklist/blocks/B-1/lift").headers(supervisor("lead-park"))
                .bodyValue(Map.of("reason", "사과함")).exchange().expectStatus().isOk();
        http.post().uri("/api/channels/chat/messages").headers(channel("app-backend"))
                .bodyValue(Map.of("customerId", "C-2", "text", "안녕하세요")).exchange().expectStatus().isOk();
        http.post().uri("/api/kb/articles/A-1/votes").headers(customer("C-1"))
                .bodyValue(Map.of("helpful", true)).exchange().expectStatus().isOk();
    }

    @Test
    void shouldLetPublicSurveyLinksThroughWithoutAToken() {
        // survey-service is stopped here: a public link reaches the route (503), it is not refused (401)
        http.get().uri("/api/surveys/tok-abc").exchange().expectStatus().isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
        http.get().uri("/api/surveys/stats").exchange().expectStatus().isUnauthorized();
        // a ticket's survey (the customer's status page) is not a public link: it needs the customer's token
        http.get().uri("/api/surveys/tickets/T-1").exchange().expectStatus().isUnauthorized();
        http.get().uri("/api/surveys/tickets/T-1").headers(customer("C-1")).exchange()
                .expectStatus().isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
    }

    @Test
    void shouldAnswerAFloodWith429AndRetryAfterWithoutSlowingOthers() {
        List<Integer> statuses = new ArrayList<>();
        String retryAfter = null;
        var flooder = agent("agent-flooder");
        for (int i = 0; i < 25; i++) {
            EntityExchangeResult<byte[]> result = http.get().uri("/api/tickets/T-3").headers(flooder).exchange()
                    .expectBody().returnResult();
            statuses.add(result.getStatus().value());
            if (result.getStatus().value() == 429) {
                retryAfter = result.getResponseHeaders().getFirst("Retry-After");
                assertThat(new String(result.getResponseBody())).contains("rate-limited");
            }
        }
        assertThat(statuses).contains(200, 429);
        assertThat(statuses.stream().filter(s -> s == 200).count()).isLessThanOrEqualTo(12);
        assertThat(Integer.parseInt(retryAfter)).isBetween(1, 2);
        http.get().uri("/api/tickets/T-3").headers(agent("agent-calm")).exchange().expectStatus().isOk();
    }

    @Test
    void shouldAnswerAStoppedServiceWithA503ProblemAtOnce() {
        long started = System.nanoTime();
        http.post().uri("/api/surveys/tok-abc/responses").bodyValue(Map.of("answers", Map.of("overall", 5)))
                .exchange()
                .expectStatus().isEqualTo(HttpStatus.SERVICE_UNAVAILABLE)
                .expectHeader().valueEquals("Retry-After", "5")
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.type").isEqualTo("https://sori.io/problems/service-unavailable")
                .jsonPath("$.detail").value(d -> assertThat((String) d).startsWith("survey-service"));
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(3));
    }

    @Test
    void shouldAnswerAHangingServiceWithA504ProblemWithinTheTimeout() {
        long started = System.nanoTime();
        http.get().uri("/api/kb/hang").headers(agent("agent-kim")).exchange()
                .expectStatus().isEqualTo(HttpStatus.GATEWAY_TIMEOUT)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.type").isEqualTo("https://sori.io/problems/gateway-timeout")
                .jsonPath("$.detail").value(d -> assertThat((String) d)
                        .startsWith("kb-service did not answer in time"));
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        assertThat(took).as("the 2 s response timeout, not the service, decides").isBetween(Duration.ofMillis(1900),
                Duration.ofSeconds(5));
    }

    @Test
    void shouldTellACallerWhoseWriteTimedOutThatItMayHaveBeenAppliedAndHowToRetrySafely() {
        http.post().uri("/api/channels/chat/hang").headers(channel("bank-app"))
                .bodyValue(Map.of("customerId", "C-hang", "text", "송금이 두 번 된 것 같아요")).exchange()
                .expectStatus().isEqualTo(HttpStatus.GATEWAY_TIMEOUT)
                .expectHeader().exists("Retry-After")
                .expectBody().jsonPath("$.type").isEqualTo("https://sori.io/problems/gateway-timeout")
                .jsonPath("$.detail").value(d -> assertThat((String) d)
                        .contains("may have been applied", "same Idempotency-Key"));
    }

    @Test
    void shouldRetryReadsButNeverWrites() {
        http.get().uri("/api/tickets/flaky").headers(agent("agent-kim")).exchange().expectStatus().isOk();
        assertThat(StubServices.get().callsTo("GET", "/api/tickets/flaky")).isEqualTo(2);

        http.post().uri("/api/tickets/always-busy").headers(agent("agent-kim")).bodyValue(Map.of("text", "x"))
                .exchange().expectStatus().isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
        assertThat(StubServices.get().callsTo("POST", "/api/tickets/always-busy")).as("a write is sent once")
                .isEqualTo(1);
    }

    @Test
    void shouldRefuseOversizedBodies() {
        http.post().uri("/api/tickets").headers(agent("agent-kim")).contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"description\":\"" + "가".repeat(40_000) + "\"}").exchange()
                .expectStatus().isEqualTo(413)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.type").isEqualTo("https://sori.io/problems/payload-too-large");
        // a raw mail is no JSON: the services' JSON limit (8 KB here) does not apply, the request limit (64 KB) does
        String mail = "From: kim@example.com\r\nSubject: =?UTF-8?B?7Lm065Oc?=\r\n\r\n";
        http.post().uri("/api/channels/email/inbound").headers(channel("mail-gateway"))
                .contentType(MediaType.parseMediaType("message/rfc822")).bodyValue(mail + "x".repeat(20_000))
                .exchange().expectStatus().isOk();
        http.post().uri("/api/channels/email/inbound").headers(channel("mail-gateway"))
                .contentType(MediaType.parseMediaType("message/rfc822")).bodyValue(mail + "x".repeat(100_000))
                .exchange().expectStatus().isEqualTo(413);
    }

    /**
     * A body without a declared length (chunked) is counted on its way through and cut off at the
     * limit: the caller gets a 413 problem, the service never more than it accepts, and the route's
     * breaker counts nothing, however often one client does it. Before, the service's own refusal
     * closed the connection mid-body and the gateway answered 503, counting a failure each time.
     */
    @Test
    void shouldCutOffAChunkedBodyPastTheLimitWithA413WithoutCountingItAgainstTheService() throws Exception {
        var breaker = breakers.circuitBreaker("tickets");
        long failedBefore = breaker.getMetrics().getNumberOfFailedCalls();
        String token = Tokens.valid("agent-chunked", List.of("SUPERVISOR"), null);
        for (int i = 0; i < 25; i++) {
            byte[] endless = ("{\"customerId\":\"C-1\",\"description\":\"" + "나".repeat(300_000) + "\"}")
                    .getBytes(java.nio.charset.StandardCharsets.UTF_8);
            HttpResponse<String> refused = postChunked("/api/tickets", token, "application/json", endless);
            assertProblem(refused, 413, "payload-too-large");
        }
        assertThat(breaker.getMetrics().getNumberOfFailedCalls()).isEqualTo(failedBefore);
        assertThat(breaker.getState()).isEqualTo(CircuitBreaker.State.CLOSED);
        // under the limit a chunked body goes through whole
        String small = "{\"subject\":\"" + "다".repeat(1_000) + "\"}";
        HttpResponse<String> passed = postChunked("/api/tickets", token, "application/json",
                small.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertThat(passed.statusCode()).isEqualTo(200);
        assertThat(passed.body()).contains("다".repeat(1_000));
    }

    /** Sent with Transfer-Encoding: chunked: the JDK client sends a body of unknown length that way. */
    private HttpResponse<String> postChunked(String path, String token, String type, byte[] body) throws Exception {
        return raw.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(20)).header("Authorization", "Bearer " + token)
                .header("Content-Type", type)
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(body)))
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void shouldIssueDevTokensThatOpenTheApiAndNameBadFields() {
        Map<?, ?> issued = http.post().uri("/api/dev/tokens")
                .bodyValue(Map.of("subject", "kim-minji", "roles", List.of("CUSTOMER"), "customerId", "C-77"))
                .exchange().expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody();
        http.get().uri("/api/tickets/T-9").headers(bearer((String) issued.get("token"))).exchange()
                .expectStatus().isOk();

        http.post().uri("/api/dev/tokens").bodyValue(Map.of("subject", "kim", "roles", List.of("ROOT")))
                .exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("roles");
        http.post().uri("/api/dev/tokens").bodyValue(Map.of("subject", "kim", "roles", List.of("CUSTOMER")))
                .exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("customerId");
        http.post().uri("/api/dev/tokens").contentType(MediaType.APPLICATION_JSON).bodyValue("{\"subject\": ")
                .exchange().expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        http.get().uri("/api/nowhere").headers(agent("agent-kim")).exchange()
                .expectStatus().isNotFound()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.type").isEqualTo("https://sori.io/problems/not-found");
        http.post().uri("/api/dev/tokens").bodyValue(Map.of("subject", Map.of("$ne", ""), "roles", List.of("ADMIN")))
                .exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("subject");
    }

    @Test
    void shouldAllowOnlyTheConsoleOriginAndSetSecurityHeaders() {
        http.options().uri("/api/tickets").header("Origin", "http://console.sori.test")
                .header("Access-Control-Request-Method", "GET")
                .header("Access-Control-Request-Headers", "Authorization").exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals("Access-Control-Allow-Origin", "http://console.sori.test");
        http.options().uri("/api/tickets").header("Origin", "http://evil.example")
                .header("Access-Control-Request-Method", "GET").exchange()
                .expectStatus().isForbidden();

        http.get().uri("/api/tickets/T-4").headers(agent("agent-kim")).exchange()
                .expectHeader().valueEquals("X-Content-Type-Options", "nosniff")
                .expectHeader().valueEquals("X-Frame-Options", "DENY")
                .expectHeader().valueEquals("Referrer-Policy", "no-referrer")
                .expectHeader().exists("Cache-Control");
    }

    @Test
    void shouldCarryTheRequestIdAndTheCallersTraceToTheService() {
        String trace = "4bf92f3577b34da6a3ce929d0e0e4736";
        Map<?, ?> echo = http.get().uri("/api/tickets/T-5").headers(agent("agent-kim"))
                .header("X-Request-Id", "req-gw-1").header("traceparent", "00-" + trace + "-00f067aa0ba902b7-01")
                .exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals("X-Request-Id", "req-gw-1")
                .expectBody(Map.class).returnResult().getResponseBody();
        assertThat(echo.get("requestId")).isEqualTo("req-gw-1");
        assertThat((String) echo.get("traceparent")).startsWith("00-" + trace + "-").doesNotContain("00f067aa0ba902b7");
    }

    // ---- overload: limits by role, admission control per route, a breaker that counts only real failures

    @Autowired
    CircuitBreakerRegistry breakers;

    @Test
    void shouldLimitANoisyEndCustomerOfAChannelPlatformWithoutLimitingItsOtherCustomers() {
        var platform = channel("bank-app");
        List<Integer> noisy = new ArrayList<>();
        EntityExchangeResult<byte[]> refused = null;
        for (int i = 0; i < 6; i++) {
            EntityExchangeResult<byte[]> result = http.post().uri("/api/channels/chat/messages").headers(platform)
                    .bodyValue(Map.of("customerId", "C-noisy", "text", "상담원 연결해 주세요 " + i)).exchange()
                    .expectBody().returnResult();
            noisy.add(result.getStatus().value());
            refused = result.getStatus().value() == 429 ? result : refused;
        }
        assertThat(noisy).as("a burst of 3 for one end customer").containsExactly(200, 200, 200, 429, 429, 429);
        assertThat(refused.getResponseHeaders().getContentType().isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .isTrue();
        assertThat(new String(refused.getResponseBody(), java.nio.charset.StandardCharsets.UTF_8))
                .contains("https://sori.io/problems/rate-limited", "this customer");
        assertThat(Integer.parseInt(refused.getResponseHeaders().getFirst("Retry-After"))).isBetween(1, 5);

        // the platform's other customers, and the same customer through another platform, are not held back
        for (int i = 0; i < 10; i++) {
            http.post().uri("/api/channels/chat/messages").headers(platform)
                    .bodyValue(Map.of("customerId", "C-quiet-" + i, "text", "카드 분실 신고")).exchange()
                    .expectStatus().isOk();
        }
        http.post().uri("/api/channels/talk/messages").headers(channel("bank-talk"))
                .bodyValue(Map.of("customerId", "C-noisy", "text", "안녕하세요")).exchange().expectStatus().isOk();
    }

    @Test
    void shouldForwardTheIntakeBodyItReadExactlyAsSent() {
        String body = "{\"customerId\":\"C-echo\",\"text\":\"이체한도 올리고 싶어요 \\uD83D\\uDE4F\",\"identityVerified\":true}";
        Map<?, ?> echo = http.post().uri("/api/channels/inquiries").headers(channel("bank-app"))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange()
                .expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody();
        assertThat(echo.get("body")).isEqualTo(body);
    }

    @Test
    void shouldRefuseAnIntakeBodyLargerThanTheServicesAcceptWithAProblem() {
        int before = StubServices.get().totalCalls();
        http.post().uri("/api/channels/chat/messages").headers(channel("bank-app"))
                .bodyValue(Map.of("customerId", "C-long", "text", "가".repeat(5_000))).exchange()
                .expectStatus().isEqualTo(413)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.type").isEqualTo("https://sori.io/problems/payload-too-large");
        assertThat(StubServices.get().totalCalls()).isEqualTo(before);
    }

    @Test
    void shouldShedASlowRouteAtOnceWithRetryAfterWhileOtherRoutesStayHealthyAndTheBreakerClosed() throws Exception {
        var breaker = breakers.circuitBreaker("blocklist");
        long failedBefore = breaker.getMetrics().getNumberOfFailedCalls();
        int reachedBefore = StubServices.get().callsTo("GET", "/api/blocklist/slow");

        // two slow calls take the route's two places ...
        List<java.util.concurrent.CompletableFuture<HttpResponse<String>>> admitted = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            admitted.add(sendAsync("/api/blocklist/slow", Tokens.valid("agent-slow-" + i, List.of("AGENT"), null)));
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (StubServices.get().callsTo("GET", "/api/blocklist/slow") - reachedBefore < 2
                && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        // ... so the next ones are answered at once, without reaching the service
        long started = System.nanoTime();
        List<java.util.concurrent.CompletableFuture<HttpResponse<String>>> shed = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            shed.add(sendAsync("/api/blocklist/slow", Tokens.valid("agent-shed-" + i, List.of("AGENT"), null)));
        }
        for (var response : shed) {
            HttpResponse<String> answer = response.get(5, java.util.concurrent.TimeUnit.SECONDS);
            assertProblem(answer, 503, "overloaded");
            assertThat(answer.headers().firstValue("Retry-After")).hasValue("1");
            assertThat(answer.body()).contains("not sent");
        }
        assertThat(Duration.ofNanos(System.nanoTime() - started)).as("shed before the slow calls finished")
                .isLessThan(StubServices.SLOW);
        // another route is untouched
        assertThat(rawGet(port, "/api/tickets/T-11", Tokens.valid("agent-lee", List.of("AGENT"), null))
                .statusCode()).isEqualTo(200);

        for (var response : admitted) {
            assertThat(response.get(10, java.util.concurrent.TimeUnit.SECONDS).statusCode()).isEqualTo(200);
        }
        assertThat(StubServices.get().callsTo("GET", "/api/blocklist/slow") - reachedBefore).isEqualTo(2);
        assertThat(breaker.getMetrics().getNumberOfFailedCalls()).as("shedding is no service failure")
                .isEqualTo(failedBefore);
        assertThat(breaker.getState()).isEqualTo(CircuitBreaker.State.CLOSED);
        // the places are free again
        assertThat(rawGet(port, "/api/blocklist/customers/C-1", Tokens.valid("agent-lee", List.of("AGENT"), null))
                .statusCode()).isEqualTo(200);
    }

    @Test
    void shouldOpenTheBreakerOnRealServiceFailuresAndSayTheRequestWasNotSent() throws Exception {
        var breaker = breakers.circuitBreaker("blocklist");
        try {
            String token = Tokens.valid("agent-park", List.of("AGENT"), null);
            // at least 4 calls in the window, half of them failed: the earlier good calls of this route count too
            for (int i = 0; i < 10 && breaker.getState() == CircuitBreaker.State.CLOSED; i++) {
                HttpResponse<String> failed = rawGet(port, "/api/blocklist/always-busy", token);
                assertProblem(failed, 503, "service-unavailable");
                assertThat(failed.body()).contains("it answered 503");
            }
            assertThat(breaker.getState()).isEqualTo(CircuitBreaker.State.OPEN);
            int reached = StubServices.get().totalCalls();
            HttpResponse<String> open = rawGet(port, "/api/blocklist/customers/C-2", token);
            assertProblem(open, 503, "service-unavailable");
            assertThat(open.body()).contains("failed repeatedly", "not sent");
            assertThat(StubServices.get().totalCalls()).isEqualTo(reached);
        } finally {
            breaker.reset(); // the other tests use this route
        }
    }

    // ---- the agent console's live feed: carried for as long as it is open, flushed event by event

    @Autowired
    io.micrometer.core.instrument.MeterRegistry meters;

    @Test
    void shouldCarryLiveStreamsPastEveryTimeoutEventByEventInOrderWithoutHoldingAnAdmissionPlace() throws Exception {
        List<LiveLines> streams = new ArrayList<>();
        try {
            // three consoles, though the route admits one request at a time: a started stream holds no place
            for (int i = 0; i < 3; i++) {
                LiveLines stream = LiveLines.open(raw, URI.create("http://127.0.0.1:" + port + "/api/tickets/live"),
                        Tokens.valid("agent-live-" + i, List.of("AGENT"), null));
                streams.add(stream);
                assertThat(stream.response().statusCode()).isEqualTo(200);
                assertThat(stream.response().headers().firstValue("Content-Type")).hasValueSatisfying(
                        t -> assertThat(t).startsWith("text/event-stream"));
                assertThat(stream.next(l -> l.startsWith("data: {\"authorization\"")))
                        .as("the caller's token reached the service for it to check again")
                        .contains("\"Bearer ey");
            }
            assertThat(meters.get("sori.gateway.in.flight").tag("route", "tickets-live").gauge().value()).isZero();
            assertThat(rawGet(port, "/api/tickets/T-live", Tokens.valid("agent-lee", List.of("AGENT"), null))
                    .statusCode()).isEqualTo(200);

            // events well past the 2 s response timeout and the 3 s time limiter, each through at once and in order
            List<Duration> latencies = new ArrayList<>();
            for (int n = 1; n <= 5; n++) {
                long sent = System.nanoTime();
                StubServices.get().emitLive("evt-" + n, "{\"type\":\"ticket.TicketStageChanged\",\"ticketId\":\"T-"
                        + n + "\",\"note\":\"내부 검토 " + n + "\"}");
                for (LiveLines stream : streams) {
                    assertThat(stream.next(l -> l.startsWith("id: "))).isEqualTo("id: evt-" + n);
                    assertThat(stream.next(l -> l.startsWith("data: "))).contains("\"T-" + n + "\"", "내부 검토 " + n);
                }
                latencies.add(Duration.ofNanos(System.nanoTime() - sent));
                Thread.sleep(1000);
            }
            assertThat(latencies).allSatisfy(d -> assertThat(d).isLessThan(Duration.ofSeconds(1)));
            System.out.println("live stream through the gateway: emit → all three consoles " + latencies);
        } finally {
            streams.forEach(LiveLines::close);
        }
    }

    @Test
    void shouldOpenTheLiveFeedToStaffOnly() throws Exception {
        int before = StubServices.get().callsTo("GET", "/api/tickets/live");
        assertProblem(rawGet(port, "/api/tickets/live", null), 401, "unauthenticated");
        assertProblem(rawGet(port, "/api/tickets/live", Tokens.valid("login-1", List.of("CUSTOMER"), "C-1")), 403,
                "forbidden");
        assertThat(StubServices.get().callsTo("GET", "/api/tickets/live")).isEqualTo(before);
    }

    /** A console's fetch() of an event stream: each line as it arrives. */
    private record LiveLines(HttpResponse<java.util.stream.Stream<String>> response,
            java.util.concurrent.BlockingQueue<String> lines, Thread reader) implements AutoCloseable {

        static LiveLines open(HttpClient client, URI uri, String token) throws Exception {
            HttpResponse<java.util.stream.Stream<String>> response = client.send(HttpRequest.newBuilder(uri)
                    .header("Authorization", "Bearer " + token).header("Accept", "text/event-stream").GET().build(),
                    HttpResponse.BodyHandlers.ofLines());
            java.util.concurrent.BlockingQueue<String> lines = new java.util.concurrent.LinkedBlockingQueue<>();
            Thread reader = new Thread(() -> {
                try {
                    response.body().forEach(lines::add);
                } catch (RuntimeException closed) {
                    // the test closed it
                }
            });
            reader.setDaemon(true);
            reader.start();
            return new LiveLines(response, lines, reader);
        }

        /** The next line that matches, within a second. */
        String next(java.util.function.Predicate<String> matching) throws InterruptedException {
            long deadline = System.nanoTime() + Duration.ofSeconds(1).toNanos();
            for (String line; (line = lines.poll(Math.max(0, deadline - System.nanoTime()),
                    java.util.concurrent.TimeUnit.NANOSECONDS)) != null; ) {
                if (matching.test(line)) {
                    return line;
                }
            }
            throw new AssertionError("no matching line within a second");
        }

        @Override
        public void close() {
            response.body().close();
            reader.interrupt();
        }
    }

    private java.util.concurrent.CompletableFuture<HttpResponse<String>> sendAsync(String path, String token) {
        return raw.sendAsync(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(20)).header("Authorization", "Bearer " + token).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
