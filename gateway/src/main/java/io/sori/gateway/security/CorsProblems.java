package io.sori.gateway.security;

import io.sori.gateway.web.Problems;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.reactive.CorsConfigurationSource;
import org.springframework.web.cors.reactive.CorsProcessor;
import org.springframework.web.cors.reactive.CorsUtils;
import org.springframework.web.cors.reactive.DefaultCorsProcessor;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * CORS for the agent console, as Spring's {@code CorsWebFilter} does it, except that a refused
 * origin gets a 403 problem like every other refusal at the door, not an empty body.
 */
class CorsProblems implements WebFilter, Ordered {

    private final CorsConfigurationSource source;
    private final CorsProcessor processor = new DefaultCorsProcessor();

    CorsProblems(CorsConfigurationSource source) {
        this.source = source;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        if (!CorsUtils.isCorsRequest(exchange.getRequest())) {
            return chain.filter(exchange);
        }
        CorsConfiguration config = source.getCorsConfiguration(exchange);
        if (!processor.process(config, exchange)) {
            return Problems.write(exchange, HttpStatus.FORBIDDEN, "cors-refused", "Origin not allowed",
                    "this origin may not call the API from a browser");
        }
        return CorsUtils.isPreFlightRequest(exchange.getRequest()) ? Mono.empty() : chain.filter(exchange);
    }

    /** After path and size checks, before tokens: a preflight carries no token. */
    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 6;
    }
}
