package io.sori.gateway.tracing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

class RequestIdGlobalFilterTest {

    private final RequestIdGlobalFilter filter = new RequestIdGlobalFilter();

    @Test
    void shouldForwardAndEchoTheCallersWellFormedIds() {
        var exchange = MockServerWebExchange.from(MockServerHttpRequest.get("/api/tickets")
                .header("X-Request-Id", "req-1").header("X-Correlation-Id", "contact-42"));
        ServerWebExchange forwarded = run(exchange);

        assertThat(forwarded.getRequest().getHeaders().getFirst("X-Request-Id")).isEqualTo("req-1");
        assertThat(forwarded.getRequest().getHeaders().getFirst("X-Correlation-Id")).isEqualTo("contact-42");
        assertThat(exchange.getResponse().getHeaders().getFirst("X-Request-Id")).isEqualTo("req-1");
        assertThat(exchange.getResponse().getHeaders().getFirst("X-Correlation-Id")).isEqualTo("contact-42");
    }

    @Test
    void shouldReplaceMissingOrHostileIdsWithFreshOnes() {
        var exchange = MockServerWebExchange.from(MockServerHttpRequest.get("/api/tickets")
                .header("X-Request-Id", "evil\r\nX-Injected: 1 <script>"));
        ServerWebExchange forwarded = run(exchange);

        String requestId = forwarded.getRequest().getHeaders().getFirst("X-Request-Id");
        assertThat(requestId).matches("[0-9a-f-]{36}");
        assertThat(forwarded.getRequest().getHeaders().getFirst("X-Correlation-Id")).isEqualTo(requestId);
        assertThat(exchange.getResponse().getHeaders().getFirst("X-Request-Id")).isEqualTo(requestId);
    }

    private ServerWebExchange run(MockServerWebExchange exchange) {
        AtomicReference<ServerWebExchange> seen = new AtomicReference<>();
        filter.filter(exchange, forwarded -> {
            seen.set(forwarded);
            return Mono.empty();
        }).then(exchange.getResponse().setComplete()).block();
        return seen.get();
    }
}
