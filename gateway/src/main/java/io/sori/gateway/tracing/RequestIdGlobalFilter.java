package io.sori.gateway.tracing;

import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Every request through the door gets a request id (a caller's well-formed one is kept)
 * and a correlation id, forwarded to the service and echoed to the client, so one
 * customer contact can be followed through every service's logs.
 */
@Component
class RequestIdGlobalFilter implements GlobalFilter, Ordered {

    static final String REQUEST_ID = "X-Request-Id";
    static final String CORRELATION_ID = "X-Correlation-Id";
    private static final Pattern SAFE_ID = Pattern.compile("[A-Za-z0-9._:-]{1,100}");

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        String requestId = safeOr(exchange.getRequest().getHeaders().getFirst(REQUEST_ID), UUID.randomUUID().toString());
        String correlationId = safeOr(exchange.getRequest().getHeaders().getFirst(CORRELATION_ID), requestId);
        ServerWebExchange forwarded = exchange.mutate()
                .request(r -> r.headers(h -> {
                    h.set(REQUEST_ID, requestId);
                    h.set(CORRELATION_ID, correlationId);
                }))
                .build();
        forwarded.getResponse().beforeCommit(() -> {
            forwarded.getResponse().getHeaders().set(REQUEST_ID, requestId);
            forwarded.getResponse().getHeaders().set(CORRELATION_ID, correlationId);
            return Mono.empty();
        });
        return chain.filter(forwarded);
    }

    private static String safeOr(String candidate, String fallback) {
        return candidate != null && SAFE_ID.matcher(candidate).matches() ? candidate : fallback;
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }
}
