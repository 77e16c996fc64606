package io.sori.gateway.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

class RequestTracingTest {

    private final RequestTracing filter = new RequestTracing();

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

    @Test
    void shouldContinueTheCallersTraceWithTheGatewaysOwnSpan() {
        String callers = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";
        var exchange = MockServerWebExchange.from(MockServerHttpRequest.get("/api/tickets")
                .header("traceparent", callers).header("tracestate", "bank=1"));
        ServerWebExchange forwarded = run(exchange);

        String sent = forwarded.getRequest().getHeaders().getFirst("traceparent");
        assertThat(sent).startsWith("00-4bf92f3577b34da6a3ce929d0e0e4736-").endsWith("-01").isNotEqualTo(callers);
        assertThat(forwarded.getRequest().getHeaders().getFirst("tracestate")).isEqualTo("bank=1");
    }

    @Test
    void shouldStartANewTraceWhenTheCallersIsMissingOrMalformed() {
        var exchange = MockServerWebExchange.from(MockServerHttpRequest.get("/api/tickets")
                .header("traceparent", "00-00000000000000000000000000000000-00f067aa0ba902b7-01")
                .header("tracestate", "spoofed=1"));
        ServerWebExchange forwarded = run(exchange);

        String sent = forwarded.getRequest().getHeaders().getFirst("traceparent");
        assertThat(sent).matches("00-[0-9a-f]{32}-[0-9a-f]{16}-01").doesNotContain("00000000000000000000000000000000");
        assertThat(forwarded.getRequest().getHeaders().getFirst("tracestate")).isNull();
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
