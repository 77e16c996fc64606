package io.sori.gateway.web;

import io.sori.events.TraceParent;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Every request through the door, refused or not, gets a request id (a caller's well-formed one
 * is kept), a correlation id and a W3C trace context: the caller's trace continued by the
 * gateway's own span, or a new trace. They are forwarded to the service and the ids echoed to
 * the client, so one customer contact can be followed through every service's logs.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class RequestTracing implements WebFilter {

    public static final String REQUEST_ID = "X-Request-Id";
    public static final String CORRELATION_ID = "X-Correlation-Id";
    public static final String REQUEST_ID_ATTRIBUTE = RequestTracing.class.getName() + ".requestId";
    private static final String TRACE_STATE = "tracestate";
    private static final Pattern SAFE_ID = Pattern.compile("[A-Za-z0-9._:-]{1,100}");

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        var headers = exchange.getRequest().getHeaders();
        String requestId = safeOr(headers.getFirst(REQUEST_ID), UUID.randomUUID().toString());
        String correlationId = safeOr(headers.getFirst(CORRELATION_ID), requestId);
        TraceParent incoming = TraceParent.parse(headers.getFirst(TraceParent.HEADER)).orElse(null);
        TraceParent ours = incoming == null ? TraceParent.start() : incoming.child();
        String traceState = incoming == null ? null : headers.getFirst(TRACE_STATE);
        ServerWebExchange forwarded = exchange.mutate()
                .request(r -> r.headers(h -> {
                    h.set(REQUEST_ID, requestId);
                    h.set(CORRELATION_ID, correlationId);
                    h.set(TraceParent.HEADER, ours.toString());
                    if (traceState == null || traceState.length() > 512) {
                        h.remove(TRACE_STATE);
                    }
                }))
                .build();
        forwarded.getAttributes().put(REQUEST_ID_ATTRIBUTE, requestId);
        forwarded.getResponse().getHeaders().set(REQUEST_ID, requestId);
        forwarded.getResponse().getHeaders().set(CORRELATION_ID, correlationId);
        return chain.filter(forwarded);
    }

    private static String safeOr(String candidate, String fallback) {
        return candidate != null && SAFE_ID.matcher(candidate).matches() ? candidate : fallback;
    }
}
