package io.sori.platform.web;

import io.micrometer.context.ContextRegistry;
import io.sori.events.TraceParent;
import io.micrometer.context.ThreadLocalAccessor;
import org.slf4j.MDC;
import reactor.core.publisher.Mono;
import reactor.util.context.Context;

/**
 * Request and correlation ids: carried in the Reactor context, copied into the logging MDC
 * on every thread that continues the work (context propagation), and into events'
 * envelopes. A correlation id spans the whole customer contact across services; a request
 * id names one HTTP call.
 */
public final class RequestIds {

    public static final String REQUEST_ID = "requestId";
    public static final String CORRELATION_ID = "correlationId";
    /** W3C trace context: the trace of the whole contact and this service's span of it. */
    public static final String TRACE_ID = "traceId";
    public static final String SPAN_ID = "spanId";
    public static final String REQUEST_ID_HEADER = "X-Request-Id";
    public static final String CORRELATION_ID_HEADER = "X-Correlation-Id";

    private RequestIds() {
    }

    /** Registers the MDC accessors with context propagation; calling it again changes nothing. */
    public static void install() {
        ContextRegistry registry = ContextRegistry.getInstance();
        registry.registerThreadLocalAccessor(new MdcAccessor(REQUEST_ID));
        registry.registerThreadLocalAccessor(new MdcAccessor(CORRELATION_ID));
        registry.registerThreadLocalAccessor(new MdcAccessor(TRACE_ID));
        registry.registerThreadLocalAccessor(new MdcAccessor(SPAN_ID));
    }

    public static Context context(String requestId, String correlationId) {
        return context(requestId, correlationId, null);
    }

    public static Context context(String requestId, String correlationId, TraceParent trace) {
        Context context = Context.empty();
        if (trace != null) {
            context = context.put(TRACE_ID, trace.traceId()).put(SPAN_ID, trace.parentId());
        }
        if (requestId != null) {
            context = context.put(REQUEST_ID, requestId);
        }
        if (correlationId != null) {
            context = context.put(CORRELATION_ID, correlationId);
        }
        return context;
    }

    /** The correlation id of the work in progress, if any. */
    public static Mono<String> correlationId() {
        return Mono.deferContextual(ctx -> Mono.justOrEmpty(ctx.<String>getOrEmpty(CORRELATION_ID)));
    }

    /**
     * The trace of the work on this thread as a {@code traceparent} naming our span, if any: what
     * an event written now carries, so its consumers continue the same trace.
     */
    public static String currentTraceParent() {
        String traceId = MDC.get(TRACE_ID);
        String spanId = MDC.get(SPAN_ID);
        return traceId == null || spanId == null ? null
                : TraceParent.parse("00-" + traceId + "-" + spanId + "-01").map(TraceParent::toString).orElse(null);
    }

    /** Copies one Reactor-context key into the logging MDC of the thread that continues the work. */
    private static final class MdcAccessor implements ThreadLocalAccessor<String> {

        private final String key;

        MdcAccessor(String key) {
            this.key = key;
        }

        @Override
        public Object key() {
            return key;
        }

        @Override
        public String getValue() {
            return MDC.get(key);
        }

        @Override
        public void setValue(String value) {
            MDC.put(key, value);
        }

        @Override
        public void setValue() {
            MDC.remove(key);
        }
    }
}
