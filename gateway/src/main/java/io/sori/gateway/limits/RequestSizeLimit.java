package io.sori.gateway.limits;

import io.sori.gateway.web.Problems;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Bounds request bodies at the door, so a service never receives more than it accepts:
 * <ul>
 * <li>a JSON body at the services' own codec limit ({@code intake-body-limit}), any other body
 * (a raw mail) at {@code max-request-size};</li>
 * <li>a declared length above the limit is a 413 problem before anything reads the body;</li>
 * <li>a body without a declared length (chunked) is forwarded as it comes, counted, and cut off
 * with {@link BodyTooLarge} once past the limit.</li>
 * </ul>
 * Without the count, a service refusing an endless chunked body closed its connection while the
 * gateway was still sending, and the gateway answered 503 as if the service had failed (3 of 5
 * chunked 18 MB bodies to ticket-service).
 */
@Component
class RequestSizeLimit implements WebFilter, Ordered {

    private final DataSize maxSize;
    private final DataSize jsonLimit;

    RequestSizeLimit(@Value("${sori.gateway.max-request-size:2MB}") DataSize maxSize,
            @Value("${sori.gateway.intake-body-limit:256KB}") DataSize jsonLimit) {
        this.maxSize = maxSize;
        this.jsonLimit = jsonLimit;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        ServerHttpRequest request = exchange.getRequest();
        long limit = limitFor(request.getHeaders().getContentType());
        long declared = request.getHeaders().getContentLength();
        if (declared > limit) {
            return Problems.write(exchange, HttpStatus.CONTENT_TOO_LARGE, "payload-too-large", "Payload too large",
                    "the request body is " + declared + " bytes; at most " + limit + " are accepted");
        }
        if (declared >= 0 || !request.getHeaders().containsHeader("Transfer-Encoding")) {
            return chain.filter(exchange);
        }
        ServerHttpRequest counted = new ServerHttpRequestDecorator(request) {
            @Override
            public Flux<DataBuffer> getBody() {
                AtomicLong seen = new AtomicLong();
                return super.getBody().handle((buffer, sink) -> {
                    if (seen.addAndGet(buffer.readableByteCount()) > limit) {
                        DataBufferUtils.release(buffer);
                        sink.error(new BodyTooLarge(limit));
                    } else {
                        sink.next(buffer);
                    }
                });
            }
        };
        return chain.filter(exchange.mutate().request(counted).build())
                .onErrorResume(BodyTooLarge.class, tooLarge -> tooLarge(exchange, tooLarge));
    }

    private long limitFor(MediaType type) {
        return Math.min(isJson(type) ? jsonLimit.toBytes() : Long.MAX_VALUE, maxSize.toBytes());
    }

    static boolean isJson(MediaType type) {
        return type != null && (MediaType.APPLICATION_JSON.isCompatibleWith(type) || type.getSubtype().endsWith("+json"));
    }

    static Mono<Void> tooLarge(ServerWebExchange exchange, BodyTooLarge tooLarge) {
        return Problems.write(exchange, HttpStatus.CONTENT_TOO_LARGE, "payload-too-large", "Payload too large",
                tooLarge.getMessage());
    }

    /** Right after request ids, before rate limits and tokens: the cheapest refusal first. */
    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 5;
    }
}
