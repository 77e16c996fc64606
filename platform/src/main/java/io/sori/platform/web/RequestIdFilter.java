package io.sori.platform.web;

import io.sori.events.TraceParent;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.core.Ordered;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Takes the request and correlation ids and the W3C trace context the gateway (or a caller)
 * sent, or makes new ones, and echoes the ids on the response. Ids that don't look like ids are replaced, so
 * nobody can inject text into the logs through them.
 */
public class RequestIdFilter implements WebFilter, Ordered {

    private static final Pattern SAFE_ID = Pattern.compile("[A-Za-z0-9._:-]{1,100}");

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        ServerHttpRequest request = exchange.getRequest();
        String requestId = safeOr(request.getHeaders().getFirst(RequestIds.REQUEST_ID_HEADER),
                UUID.randomUUID().toString());
        String correlationId = safeOr(request.getHeaders().getFirst(RequestIds.CORRELATION_ID_HEADER), requestId);
        exchange.getResponse().getHeaders().set(RequestIds.REQUEST_ID_HEADER, requestId);
        exchange.getResponse().getHeaders().set(RequestIds.CORRELATION_ID_HEADER, correlationId);
        exchange.getAttributes().put(RequestIds.REQUEST_ID, requestId);
        // the caller's trace (from the gateway) continued by a span of ours, or a new trace
        TraceParent trace = TraceParent.parse(request.getHeaders().getFirst(TraceParent.HEADER))
                .map(TraceParent::child).orElseGet(TraceParent::start);
        return chain.filter(exchange).contextWrite(RequestIds.context(requestId, correlationId, trace));
    }

    private static String safeOr(String candidate, String fallback) {
        return candidate != null && SAFE_ID.matcher(candidate).matches() ? candidate : fallback;
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }
}
