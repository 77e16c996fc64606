package io.sori.loadharness;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * The suite under load: the gateway, each service's own port, the tokens the run uses, and the
 * one client everything goes through. Requests are timed from the moment they were due.
 */
final class Target {

    static final Map<String, Integer> DEFAULT_PORTS = Map.of("channel-service", 8081, "ticket-service", 8082,
            "kb-service", 8083, "survey-service", 8084, "blocklist-service", 8085, "core-banking-simulator", 8086);

    final String gateway;
    final Map<String, String> services;
    final Http http;
    /** Replaced after the warm-up, so only the measured run is reported. */
    volatile Latencies latencies = new Latencies();
    final JsonMapper json = JsonMapper.builder().build();
    /** Intake straight to channel-service instead of through the gateway (--via direct): where the time goes. */
    boolean intakeDirect;
    String channelToken;
    String agentToken;

    Target(URI gateway, Map<String, String> services, Http http) {
        this.gateway = gateway.toString();
        this.services = services;
        this.http = http;
    }

    /** The tokens from the embedded default's dev token desk: a channel platform and an agent. */
    void signIn() {
        channelToken = token("{\"subject\":\"bench-app-backend\",\"roles\":[\"CHANNEL\"]}");
        agentToken = token("{\"subject\":\"agent-bench\",\"roles\":[\"AGENT\"]}");
    }

    private String token(String request) {
        Http.Response r = http.post(gateway + "/api/dev/tokens", null, request).block(Duration.ofSeconds(20));
        if (r == null || !r.ok()) {
            throw new IllegalStateException("the dev token desk at " + gateway + "/api/dev/tokens answered "
                    + (r == null ? "nothing" : r.status() + " " + r.body())
                    + " (it is on in the embedded default, SORI_DEV_TOKENS=true)");
        }
        return json.readTree(r.body()).path("token").asString();
    }

    /** A timed GET; {@code dueAt} is when the request should have left. */
    Mono<Http.Response> get(String label, String url, String token, long dueAt) {
        return http.get(url, token).doOnNext(r -> record(label, r, dueAt));
    }

    Mono<Http.Response> post(String label, String url, String token, String body, long dueAt) {
        return http.post(url, token, body).doOnNext(r -> record(label, r, dueAt));
    }

    private void record(String label, Http.Response r, long dueAt) {
        latencies.record(label, r.status(), (System.nanoTime() - dueAt) / 1000);
    }

    String intakeBase() {
        return intakeDirect ? services.get("channel-service") : gateway;
    }

    String service(String module) {
        return services.get(module);
    }

    static Map<String, String> servicesOn(String host, Map<String, Integer> ports) {
        Map<String, String> urls = new java.util.LinkedHashMap<>();
        ports.forEach((module, port) -> urls.put(module, "http://" + host + ":" + port));
        return urls;
    }

    static final List<String> OUTBOX_SERVICES = List.of("channel-service", "ticket-service", "kb-service",
            "survey-service", "blocklist-service", "core-banking-simulator");
}
