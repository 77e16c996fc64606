package io.sori.gateway.limits;

import io.sori.gateway.web.Problems;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Refuses a declared body above the limit with a 413 problem before anything reads it. A body
 * without a declared length is bounded again by each service's own codec limit.
 */
@Component
class RequestSizeLimit implements WebFilter, Ordered {

    private final DataSize maxSize;

    RequestSizeLimit(@Value("${sori.gateway.max-request-size:2MB}") DataSize maxSize) {
        this.maxSize = maxSize;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        long declared = exchange.getRequest().getHeaders().getContentLength();
        if (declared > maxSize.toBytes()) {
            return Problems.write(exchange, HttpStatus.CONTENT_TOO_LARGE, "payload-too-large", "Payload too large",
                    "the request body is " + declared + " bytes; at most " + maxSize.toBytes() + " are accepted");
        }
        return chain.filter(exchange);
    }

    /** Right after request ids, before rate limits and tokens: the cheapest refusal first. */
    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 5;
    }
}
