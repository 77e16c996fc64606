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
 * {@link Actor}; a refused token is a 401 at once. The API needs a token even when the call did
 * not come through the gateway, except on the service's declared public paths. Nothing else
 * (no header a client can set) says who the caller is.
 */
public class ActorWebFilter implements WebFilter, Ordered {

    public static final String ACTOR_ATTRIBUTE = Actor.class.getName();

    private final TokenVerifier verifier;
    private final List<PathPattern> publicPaths;

    public ActorWebFilter(TokenVerifier verifier, List<String> publicPaths) {
        this.verifier = verifier;
        this.publicPaths = publicPaths.stream().map(PathPatternParser.defaultInstance::parse).toList();
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
        return path.value().startsWith("/api/") && publicPaths.stream().noneMatch(p -> p.matches(path));
    }

    /** After request ids (so refusals carry one), before everything else. */
    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 10;
    }
}
