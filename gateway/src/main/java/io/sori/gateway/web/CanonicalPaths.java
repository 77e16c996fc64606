package io.sori.gateway.web;

import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/** Refuses a non-{@link CanonicalPath canonical} path with a 400 problem before any rule or route sees it. */
@Component
class CanonicalPaths implements WebFilter, Ordered {

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        return CanonicalPath.whyNot(exchange.getRequest().getURI().getRawPath())
                .map(why -> Problems.write(exchange, HttpStatus.BAD_REQUEST, "non-canonical-path",
                        "Non-canonical path", "the request path " + why + "; send it in its plain form"))
                .orElseGet(() -> chain.filter(exchange));
    }

    /** Right after request ids, before limits, tokens and routes. */
    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 2;
    }
}
