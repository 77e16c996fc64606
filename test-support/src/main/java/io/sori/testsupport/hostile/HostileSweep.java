package io.sori.testsupport.hostile;

import io.sori.testsupport.hostile.ApiSurface.Endpoint;
import io.sori.testsupport.hostile.HostileCase.Expect;
import io.sori.testsupport.hostile.HostileInputs.Markers;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.LongSupplier;
import java.util.regex.Pattern;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Sends a service every hostile request its OpenAPI document invites, and proves what Sori
 * promises about bad input: a 4xx {@code application/problem+json} (type, title, status, detail;
 * {@code errors[{field, message}]} for validation), never a 5xx, never a stack trace or a class
 * name, nothing stored, and the service still ready and serving afterwards.
 *
 * <p>The core of a sweep is every family of hostile input on every endpoint and field; then
 * {@code sori.hostile.cases} random cases (default {@value #DEFAULT_RANDOM_CASES}) drawn with the
 * seed {@code sori.hostile.seed} (default {@value #DEFAULT_SEED}). A failure report names the seed, so a run is
 * repeated exactly with {@code -Dsori.hostile.seed=...}.
 */
public final class HostileSweep {

    public static final String CASES_PROPERTY = "sori.hostile.cases";
    public static final String SEED_PROPERTY = "sori.hostile.seed";
    public static final String HUGE_PROPERTY = "sori.hostile.huge-kb";
    public static final String EVERY_VALUE_PROPERTY = "sori.hostile.every-value";
    static final int DEFAULT_RANDOM_CASES = 100;
    static final long DEFAULT_SEED = 14;

    /** What a body must never show: stack frames, exception or class names, framework packages. */
    private static final Pattern LEAK = Pattern.compile(
            "(?i)(\\bat [a-z]+\\.[a-z]|exception|caused by|\\bjava\\.|javax?\\.|io\\.sori\\.|org\\.springframework"
                    + "|tools\\.jackson|com\\.fasterxml|reactor\\.|org\\.bson|com\\.mongodb|\\.java:\\d|stacktrace"
                    + "|trace\":)");
    private static final JsonMapper JSON = new JsonMapper();

    private final WebTestClient http;
    private final StoreScan store;
    private final long seed = Long.getLong(SEED_PROPERTY, DEFAULT_SEED);
    private final int randomCases = Integer.getInteger(CASES_PROPERTY, DEFAULT_RANDOM_CASES);
    private final int hugeBytes = Integer.getInteger(HUGE_PROPERTY, 1024) * 1024;
    private final Markers markers = Markers.of(seed);
    private final Map<String, String> samples = new LinkedHashMap<>();
    private final Map<String, String> pathValues = new LinkedHashMap<>();
    private final List<HostileCase> extraCases = new ArrayList<>();
    private final Set<String> skipped = new TreeSet<>();
    private final List<String> transportRetries = new ArrayList<>();
    private Function<Endpoint, Consumer<HttpHeaders>> caller = e -> h -> { };
    private Consumer<WebTestClient> stillServes = client -> { };

    private HostileSweep(WebTestClient http, ReactiveMongoTemplate mongo) {
        this.http = http;
        this.store = new StoreScan(mongo);
    }

    public static HostileSweep of(WebTestClient http, ReactiveMongoTemplate mongo) {
        return new HostileSweep(http, mongo);
    }

    /** Who sends each endpoint's cases: a caller allowed to use it, so the input itself is what is judged. */
    public HostileSweep callers(Function<Endpoint, Consumer<HttpHeaders>> caller) {
        this.caller = caller;
        return this;
    }

    /**
     * A valid body for an endpoint ({@code "POST /api/tickets"}), with {@value Markers#PLACEHOLDER} where the
     * case's marker goes (in ids and text); without one, a body is built from the schema.
     */
    public HostileSweep sample(String endpoint, String json) {
        samples.put(endpoint, json);
        return this;
    }

    /** A real value for a path parameter, so body cases reach an existing resource. */
    public HostileSweep pathValue(String name, String value) {
        pathValues.put(name, value);
        return this;
    }

    /** Cases the OpenAPI document cannot describe (e.g. a raw RFC 822 body). */
    public HostileSweep with(List<HostileCase> cases) {
        extraCases.addAll(cases);
        return this;
    }

    /** An endpoint the sweep leaves out, with the reason in the caller's code. */
    public HostileSweep skip(String endpoint) {
        skipped.add(endpoint);
        return this;
    }

    /** A normal request that must still work after the sweep. */
    public HostileSweep stillServes(Consumer<WebTestClient> request) {
        this.stillServes = request;
        return this;
    }

    public Markers markers() {
        return markers;
    }

    /** Runs the sweep and fails with every broken promise listed; returns what was run. */
    public Report run() {
        long started = System.nanoTime();
        ApiSurface surface = ApiSurface.of(http);
        HostileInputs inputs = new HostileInputs(surface, markers, samples, pathValues, hugeBytes,
                Boolean.getBoolean(EVERY_VALUE_PROPERTY));
        Random random = new Random(seed);
        List<Endpoint> endpoints = surface.endpoints().stream().filter(e -> !skipped.contains(e.key())).toList();
        Map<String, Endpoint> byKey = new LinkedHashMap<>();
        endpoints.forEach(e -> byKey.put(e.key(), e));

        List<HostileCase> cases = new ArrayList<>();
        endpoints.forEach(e -> cases.addAll(inputs.all(e, random)));
        cases.addAll(extraCases);
        int core = cases.size();
        List<Endpoint> withInput = endpoints.stream().filter(e -> !inputs.all(e, new Random(seed)).isEmpty()).toList();
        for (int i = 0; i < randomCases && !withInput.isEmpty(); i++) {
            HostileCase drawn = inputs.any(withInput.get(random.nextInt(withInput.size())), random);
            if (drawn != null) {
                cases.add(drawn);
            }
        }

        Map<String, Long> before = store.counts();
        List<String> failures = new ArrayList<>();
        Map<String, Map<Integer, Integer>> statuses = new TreeMap<>();
        Map<String, Integer> families = new TreeMap<>();
        for (HostileCase c : cases) {
            Endpoint endpoint = byKey.get(c.endpoint());
            Consumer<HttpHeaders> who = endpoint != null ? caller.apply(endpoint) : extraCaller(c);
            int status = send(c, who, failures);
            statuses.computeIfAbsent(c.endpoint(), k -> new TreeMap<>()).merge(status, 1, Integer::sum);
            families.merge(c.family(), 1, Integer::sum);
        }
        // the input was judged, not just the caller: every endpoint with input let the sweep's caller in
        for (Endpoint e : withInput) {
            Map<Integer, Integer> seen = statuses.getOrDefault(e.key(), Map.of());
            if (seen.keySet().stream().allMatch(s -> s == 401 || s == 403)) {
                failures.add(e.key() + ": every case was refused for the caller, not the input (statuses " + seen
                        + "): is the sweep's caller allowed to use it?");
            }
        }
        // nothing a refused request carried, and no smuggled operator, is anywhere in the store
        List<String> kept = store.documentsContaining(markers.refused(), markers.injected());
        kept.forEach(doc -> failures.add("stored despite refusal or injected: " + doc));
        Map<String, Long> after = store.counts();

        // still healthy: ready, and a normal request works
        http.get().uri("/actuator/health/readiness").exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.status").isEqualTo("UP");
        stillServes.accept(http);

        long millis = (System.nanoTime() - started) / 1_000_000;
        Report report = new Report(seed, endpoints.stream().map(Endpoint::key).toList(), core, cases.size() - core,
                families, statuses, diff(before, after), List.copyOf(transportRetries), millis);
        System.out.println(report);
        if (!failures.isEmpty()) {
            throw new AssertionError(failures.size() + " broken promise(s) under hostile input (seed " + seed
                    + "):\n  " + String.join("\n  ", failures.subList(0, Math.min(60, failures.size())))
                    + (failures.size() > 60 ? "\n  … " + (failures.size() - 60) + " more" : ""));
        }
        return report;
    }

    private Consumer<HttpHeaders> extraCaller(HostileCase c) {
        return caller.apply(new Endpoint(c.method(), c.endpoint().substring(c.endpoint().indexOf(' ') + 1),
                List.of(), List.of(), false, null, List.of(), false));
    }

    /**
     * Sends one case and adds what it broke to the failures; returns the status. A case that got no answer at all
     * (the connection closed before any response, or nothing within the client's timeout) is sent once more on a
     * fresh connection and listed in the report: a transport hiccup after early refusals, not an answer to judge.
     */
    private int send(HostileCase c, Consumer<HttpHeaders> who, List<String> failures) {
        List<String> first = new ArrayList<>();
        int status = sendOnce(c, who, first);
        if (status == -1) {
            transportRetries.add(c.describe() + " → " + first.get(first.size() - 1));
            List<String> again = new ArrayList<>();
            int retried = sendOnce(c, who, again);
            if (retried == -1 && again.stream().allMatch(f -> f.matches("(?s).*(reset by peer|[Cc]losed).*"))) {
                // the server closed the connection twice without an answer the client could read (it refused before
                // reading the body): reported, not judged; what it stored and its health are still checked after
                transportRetries.add(c.describe() + " → closed again without a readable answer");
                return 0;
            }
            failures.addAll(again);
            return retried;
        }
        failures.addAll(first);
        return status;
    }

    private int sendOnce(HostileCase c, Consumer<HttpHeaders> who, List<String> failures) {
        EntityExchangeResult<byte[]> result;
        try {
            WebTestClient.RequestBodySpec request = http.method(c.method()).uri(b -> raw(b, c.uri())).headers(who);
            if (c.contentType() != null) {
                request.header(HttpHeaders.CONTENT_TYPE, c.contentType());
            }
            if (c.idempotencyKey() != null) {
                request.header("Idempotency-Key", c.idempotencyKey());
            }
            // each case on its own connection: a refusal sent before the body was read (413, 415, a bad path) leaves
            // the rest of that body on a kept-alive connection, and a later case sent on it can wait for nothing
            request.header(HttpHeaders.CONNECTION, "close");
            if (c.body() != null) {
                // raw bytes under the raw header: no client-side encoder parses or fixes either
                byte[] body = c.body();
                request.body((message, context) -> message.writeWith(Mono.fromSupplier(
                        () -> message.bufferFactory().wrap(body))));
            }
            result = request.exchange().expectBody(byte[].class).returnResult();
        } catch (RuntimeException | AssertionError e) {
            if ("huge-body".equals(c.family()) && String.valueOf(e.getMessage()).matches("(?s).*(reset by peer|closed).*")) {
                // the server stopped reading at its limit and closed the connection while the client still sent:
                // a refusal the client may see before (or instead of) the 413 (recorded as status 0)
                return 0;
            }
            failures.add(c.describe() + " → no answer: " + e.getMessage());
            return -1;
        }
        int status = result.getStatus().value();
        byte[] bytes = result.getResponseBody() == null ? new byte[0] : result.getResponseBody();
        String body = new String(bytes, StandardCharsets.UTF_8);
        String problem = judge(c, status, result.getResponseHeaders().getContentType(), body);
        if (problem != null) {
            failures.add(c.describe() + " → " + status + " " + problem + ": "
                    + (body.length() > 300 ? body.substring(0, 300) + "…" : body));
        }
        return status;
    }

    /** What the answer breaks, or null. */
    static String judge(HostileCase c, int status, MediaType contentType, String body) {
        if (status >= 500) {
            return "is a server error";
        }
        if (LEAK.matcher(body).find()) {
            return "leaks internals";
        }
        if (c.expect() == Expect.REFUSED && status < 400) {
            return "was accepted";
        }
        if (status < 400) {
            return null;
        }
        if (contentType == null || !MediaType.APPLICATION_PROBLEM_JSON.isCompatibleWith(contentType)) {
            return "is not application/problem+json (" + contentType + ")";
        }
        JsonNode problem;
        try {
            problem = JSON.readTree(body);
        } catch (RuntimeException e) {
            return "is not JSON";
        }
        for (String field : List.of("type", "title", "detail")) {
            if (!problem.path(field).isString() || problem.path(field).asString().isBlank()) {
                return "has no " + field;
            }
        }
        if (problem.path("status").asInt() != status) {
            return "says status " + problem.path("status") + " in its body";
        }
        if (problem.path("type").asString().endsWith("/validation")) {
            JsonNode errors = problem.path("errors");
            if (!errors.isArray() || errors.isEmpty()) {
                return "is a validation problem without errors";
            }
            for (JsonNode error : errors) {
                if (!error.path("field").isString() || !error.path("message").isString()) {
                    return "has an error without field and message";
                }
            }
        }
        return null;
    }

    /**
     * A customer who is not the owner reads everything the API offers by the owner's ids: every GET
     * whose path the ids fill must be a 4xx problem, and no answer may show the owner's ids (beyond what
     * the stranger put in the request).
     *
     * @param ownedIds path parameter name → the owner's resource id, e.g. {@code customerId}, {@code id}
     * @return the endpoints read
     */
    public List<String> crossCustomer(Consumer<HttpHeaders> stranger, Map<String, String> ownedIds) {
        ApiSurface surface = ApiSurface.of(http);
        List<String> failures = new ArrayList<>();
        List<String> read = new ArrayList<>();
        for (Endpoint e : surface.endpoints()) {
            if (e.method() != HttpMethod.GET || skipped.contains(e.key())
                    || !e.pathParams().stream().allMatch(p -> ownedIds.containsKey(p.name()))) {
                continue;
            }
            String uri = e.path();
            for (var p : e.pathParams()) {
                uri = uri.replace("{" + p.name() + "}", HostileInputs.pct(ownedIds.get(p.name())));
            }
            char sep = '?';
            for (var q : e.queryParams()) {
                if (ownedIds.containsKey(q.name()) || q.required()) {
                    uri += sep + q.name() + "=" + HostileInputs.pct(ownedIds.getOrDefault(q.name(), "1"));
                    sep = '&';
                }
            }
            read.add(e.key());
            String finalUri = uri;
            EntityExchangeResult<byte[]> result = http.get().uri(b -> raw(b, finalUri)).headers(stranger).exchange()
                    .expectBody(byte[].class).returnResult();
            int status = result.getStatus().value();
            String body = result.getResponseBody() == null ? ""
                    : new String(result.getResponseBody(), StandardCharsets.UTF_8);
            HostileCase c = new HostileCase(e.key(), "other-customer", uri, HttpMethod.GET, uri, null, null, null,
                    e.pathParams().isEmpty() ? Expect.SURVIVED : Expect.REFUSED);
            String problem = judge(c, status, result.getResponseHeaders().getContentType(), body);
            if (problem != null) {
                failures.add("GET " + uri + " as another customer → " + status + " " + problem + ": " + body);
            }
            ownedIds.values().stream().filter(id -> body.contains(id) && !finalUri.contains(HostileInputs.pct(id)))
                    .forEach(id -> failures.add("GET " + finalUri + " as another customer shows the owner's " + id));
        }
        if (!failures.isEmpty()) {
            throw new AssertionError("another customer's data is readable:\n  " + String.join("\n  ", failures));
        }
        return read;
    }

    /**
     * A creating POST replayed with the same {@code Idempotency-Key}: the same body is answered the same and
     * kept once; another body under the key is refused with a 4xx problem or answered as the first, and
     * changes nothing.
     *
     * @param stored counts what the request keeps (e.g. the messages of the customer)
     */
    public void replay(String endpoint, Consumer<HttpHeaders> who, String body, String otherBody,
            LongSupplier stored) {
        String path = endpoint.substring(endpoint.indexOf(' ') + 1);
        String key = "replay-" + markers.neutral() + "-" + Long.toHexString(new Random().nextLong());
        long before = stored.getAsLong();
        EntityExchangeResult<byte[]> first = post(path, who, key, body);
        long afterFirst = stored.getAsLong();
        EntityExchangeResult<byte[]> again = post(path, who, key, body);
        long afterAgain = stored.getAsLong();
        EntityExchangeResult<byte[]> other = post(path, who, key, otherBody);
        long afterOther = stored.getAsLong();
        List<String> failures = new ArrayList<>();
        if (!first.getStatus().is2xxSuccessful()) {
            failures.add("the first request was not accepted: " + first.getStatus() + " " + text(first));
        }
        if (afterFirst <= before) {
            failures.add("the first request kept nothing (" + before + " → " + afterFirst + ")");
        }
        if (!again.getStatus().equals(first.getStatus()) || !sameAnswer(first, again)) {
            failures.add("the replay was answered differently: " + again.getStatus() + " " + text(again)
                    + " after " + text(first));
        }
        if (afterAgain != afterFirst) {
            failures.add("the replay was kept again (" + afterFirst + " → " + afterAgain + ")");
        }
        int otherStatus = other.getStatus().value();
        if (otherStatus >= 500 || (otherStatus < 400 && !sameAnswer(first, other))) {
            failures.add("another body under the same key → " + otherStatus + " " + text(other));
        }
        if (otherStatus >= 400) {
            String problem = judge(new HostileCase(endpoint, "replay", "other body", HttpMethod.POST, path,
                    null, null, key, Expect.REFUSED), otherStatus, other.getResponseHeaders().getContentType(),
                    text(other));
            if (problem != null) {
                failures.add("another body under the same key → " + otherStatus + " " + problem);
            }
        }
        if (afterOther != afterFirst) {
            failures.add("another body under the same key was kept (" + afterFirst + " → " + afterOther + ")");
        }
        if (!failures.isEmpty()) {
            throw new AssertionError(endpoint + " replayed with one Idempotency-Key:\n  "
                    + String.join("\n  ", failures));
        }
    }

    /** The raw, already encoded request URI on the client's base URL: nothing re-encodes or fixes it. */
    private static URI raw(org.springframework.web.util.UriBuilder base, String rawUri) {
        String root = base.build().toString();
        return URI.create((root.endsWith("/") ? root.substring(0, root.length() - 1) : root) + rawUri);
    }

    private EntityExchangeResult<byte[]> post(String path, Consumer<HttpHeaders> who, String key, String body) {
        return http.post().uri(path).headers(who).header("Idempotency-Key", key)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange()
                .expectBody(byte[].class).returnResult();
    }

    /** The same answer: equal JSON, or equal ids where answers carry moments of their own. */
    private static boolean sameAnswer(EntityExchangeResult<byte[]> a, EntityExchangeResult<byte[]> b) {
        JsonNode x = JSON.readTree(text(a));
        JsonNode y = JSON.readTree(text(b));
        if (x.equals(y)) {
            return true;
        }
        for (String id : List.of("id", "interactionId", "conversationId", "ticketId", "callbackId", "reportId")) {
            if (x.has(id) && !x.path(id).equals(y.path(id))) {
                return false;
            }
        }
        return x.has("id") || x.has("interactionId") || x.has("conversationId");
    }

    private static String text(EntityExchangeResult<byte[]> result) {
        return result.getResponseBody() == null ? "" : new String(result.getResponseBody(), StandardCharsets.UTF_8);
    }

    private static Map<String, String> diff(Map<String, Long> before, Map<String, Long> after) {
        Map<String, String> changed = new TreeMap<>();
        after.forEach((collection, count) -> {
            long was = before.getOrDefault(collection, 0L);
            if (was != count) {
                changed.put(collection, was + " → " + count);
            }
        });
        return changed;
    }

    /** What a sweep ran: for the log and for the benchmark notes. */
    public record Report(long seed, List<String> endpoints, int coreCases, int randomCases,
            Map<String, Integer> families, Map<String, Map<Integer, Integer>> statuses,
            Map<String, String> storeChanges, List<String> sentAgain, long millis) {

        public int cases() {
            return coreCases + randomCases;
        }

        @Override
        public String toString() {
            StringBuilder out = new StringBuilder("hostile-input sweep: seed " + seed + ", " + endpoints.size()
                    + " endpoints, " + cases() + " cases (" + coreCases + " core + " + randomCases + " random) in "
                    + millis + " ms\n  families " + families + "\n");
            statuses.forEach((endpoint, counts) -> out.append("  ").append(endpoint).append(" ").append(counts)
                    .append('\n'));
            out.append("  store changes meanwhile (other work of the shared context; none holds a marker) ")
                    .append(storeChanges);
            sentAgain.forEach(again -> out.append("\n  sent again after no answer: ").append(again));
            return out.toString();
        }
    }
}
