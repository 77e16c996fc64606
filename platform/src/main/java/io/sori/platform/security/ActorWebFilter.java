package io.sori.platform.security;

import java.util.List;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.server.PathContainer;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;
import reactor.core.publisher.Mono;

/**
 * Establishes who is calling: a bearer token is verified and becomes the request's
 * {@link Actor}; a refused token is a 401 at once. Every request needs a token, even one that
 * did not come through the gateway, except the service's declared public paths and its
 * operations endpoints (health, metrics, OpenAPI). Both are matched as Spring matches handlers
 * (decoded, without {@code ;} parameters), so {@code /%61pi/…} or {@code /api;x=1/…} cannot slip
 * past. Nothing else (no header a client can set) says who the caller is.
 */
public class ActorWebFilter implements WebFilter, Ordered {

    public static final String ACTOR_ATTRIBUTE = Actor.class.getName();

    /** Served to anyone: the platform's operations endpoints (the gateway never routes them). */
    private static final List<String> OPERATIONS = List.of("/actuator", "/actuator/**", "/v3/api-docs",
            "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**", "/webjars/**");

    private final TokenVerifier verifier;
    private final List<PathPattern> openPaths;

    public ActorWebFilter(TokenVerifier verifier, List<String> publicPaths) {
        this.verifier = verifier;
        this.openPaths = java.util.stream.Stream.concat(publicPaths.stream(), OPERATIONS.stream())
                .map(PathPatternParser.defaultInstance::parse).toList();
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        String authorization = exchange.getRequest().getHeaders().getFirst(HttpHeaders.AUTHORIZATION);
        if (authorization == null) {
            if (needsToken(exchange)) {
                return Mono.error(Actor.unauthenticated());
            }
            exchange.getAttributes().put(ACTOR_ATTRIBUTE, Actor.ANONYMOUS);
            return chain.filter(exchange);
        }
        if (!authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return Mono.error(TokenVerifier.invalid("only bearer tokens are accepted"));
        }
        return verifier.verify(authorization.substring(7).strip())
                .flatMap(actor -> {
                    exchange.getAttributes().put(ACTOR_ATTRIBUTE, actor);
                    return chain.filter(exchange);
                });
    }

    private boolean needsToken(ServerWebExchange exchange) {
        PathContainer path = exchange.getRequest().getPath().pathWithinApplication();
        return openPaths.stream().noneMatch(p -> p.matches(path));
    }

    /** After request ids (so refusals carry one), before everything else. */
    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 10;
    }
}
