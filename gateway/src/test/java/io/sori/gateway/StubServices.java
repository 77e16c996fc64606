package io.sori.gateway;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;

/**
 * The services behind the gateway, as far as the gateway can tell: a real HTTP server on a
 * random port that echoes what reached it (body included), plus a hanging path, a slow path, a
 * flaky path, a live event stream, and a port where nothing listens (a stopped service).
 */
final class StubServices {

    /** How long a path ending in {@code slow} takes to answer: less than the tests' response timeout. */
    static final Duration SLOW = Duration.ofMillis(1200);
    private static final StubServices INSTANCE = new StubServices();

    private final DisposableServer server;
    private final int stoppedPort;
    private final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();
    private final Sinks.Many<String> live = Sinks.many().multicast().directBestEffort();

    private StubServices() {
        server = HttpServer.create().host("127.0.0.1").port(0)
                .handle((request, response) -> {
                    String path = request.fullPath();
                    calls.computeIfAbsent(request.method().name() + " " + path, k -> new AtomicInteger())
                            .incrementAndGet();
                    if (path.equals("/api/tickets/live")) {
                        // a live feed: a comment at once, who called, then whatever the test emits, for as long as it likes
                        String hello = ": connected\n\nevent: hello\ndata: {\"authorization\":"
                                + quoted(request.requestHeaders().get("Authorization")) + "}\n\n";
                        return response.header("Content-Type", "text/event-stream")
                                .sendString(Flux.concat(Mono.just(hello), live.asFlux())).then();
                    }
                    if (path.endsWith("hang")) {
                        return Mono.delay(Duration.ofSeconds(30)).then();
                    }
                    Duration delay = path.endsWith("slow") ? SLOW : Duration.ZERO;
                    if (path.endsWith("flaky") && callsTo(request.method().name(), path) == 1
                            || path.endsWith("always-busy")) {
                        return response.status(503).sendString(Mono.just("{\"busy\":true}")).then();
                    }
                    Mono<String> echo = request.receive().aggregate().asString().defaultIfEmpty("")
                            .map(body -> "{\"path\":\"" + path + "\",\"method\":\"" + request.method().name()
                                    + "\",\"authorization\":" + quoted(request.requestHeaders().get("Authorization"))
                                    + ",\"traceparent\":" + quoted(request.requestHeaders().get("traceparent"))
                                    + ",\"requestId\":" + quoted(request.requestHeaders().get("X-Request-Id"))
                                    + ",\"body\":" + quoted(body) + "}")
                            .delayElement(delay);
                    return response.header("Content-Type", "application/json").sendString(echo).then();
                })
                .bindNow();
        try (ServerSocket probe = new ServerSocket(0)) {
            stoppedPort = probe.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Sends one server-sent event to every open {@code /api/tickets/live} stream. */
    void emitLive(String id, String data) {
        live.emitNext("event: ticket\nid: " + id + "\ndata: " + data + "\n\n", Sinks.EmitFailureHandler.FAIL_FAST);
    }

    static StubServices get() {
        return INSTANCE;
    }

    String url() {
        return "http://127.0.0.1:" + server.port();
    }

    String stoppedUrl() {
        return "http://127.0.0.1:" + stoppedPort;
    }

    int callsTo(String method, String path) {
        AtomicInteger count = calls.get(method + " " + path);
        return count == null ? 0 : count.get();
    }

    /** Every request that reached a service, whatever its path. */
    int totalCalls() {
        return calls.values().stream().mapToInt(AtomicInteger::get).sum();
    }

    private static String quoted(String value) {
        return value == null ? "null" : "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
