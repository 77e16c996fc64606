package io.sori.loadharness;

import io.netty.channel.ChannelOption;
import io.netty.handler.codec.http.HttpMethod;
import java.time.Duration;
import reactor.core.publisher.Mono;
import reactor.netty.ByteBufFlux;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;

/** One non-blocking HTTP client with a fixed connection pool per host, as a bank's backend would hold. */
final class Http implements AutoCloseable {

    /** An answer; {@code status} is {@link Latencies#NO_RESPONSE} when none came. */
    record Response(int status, String body) {
        boolean ok() {
            return status >= 200 && status < 300;
        }
    }

    private final ConnectionProvider pool;
    private final HttpClient client;

    Http(int connections) {
        this.pool = ConnectionProvider.builder("sori-bench")
                .maxConnections(connections)
                .pendingAcquireMaxCount(-1)
                .pendingAcquireTimeout(Duration.ofSeconds(30))
                .maxIdleTime(Duration.ofSeconds(30))
                .build();
        this.client = HttpClient.create(pool)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, 2000)
                .responseTimeout(Duration.ofSeconds(15));
    }

    Mono<Response> get(String url, String token) {
        return exchange(HttpMethod.GET, url, token, null);
    }

    Mono<Response> post(String url, String token, String json) {
        return exchange(HttpMethod.POST, url, token, json);
    }

    private Mono<Response> exchange(HttpMethod method, String url, String token, String json) {
        HttpClient c = client.headers(h -> {
            if (token != null) {
                h.set("Authorization", "Bearer " + token);
            }
            if (json != null) {
                h.set("Content-Type", "application/json");
            }
        });
        HttpClient.ResponseReceiver<?> receiver = json == null
                ? c.request(method).uri(url)
                : c.request(method).uri(url).send(ByteBufFlux.fromString(Mono.just(json)));
        return receiver.responseSingle((response, bytes) -> bytes.asString().defaultIfEmpty("")
                        .map(body -> new Response(response.status().code(), body)))
                .onErrorResume(e -> Mono.just(new Response(Latencies.NO_RESPONSE, String.valueOf(e))));
    }

    @Override
    public void close() {
        pool.disposeLater().block(Duration.ofSeconds(5));
    }
}
