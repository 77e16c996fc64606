package io.sori.platform.security;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpHeaders;
import org.springframework.web.reactive.BindingContext;
import org.springframework.web.reactive.result.method.HandlerMethodArgumentResolver;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Gives controllers the {@link Actor} of the request.
 *
 * <p>Until token validation is in place, the caller is read from the {@code X-Sori-Actor},
 * {@code X-Sori-Roles} and {@code X-Sori-Customer-Id} headers. This is the one place that changes
 * when services validate the caller's JWT themselves; nothing else reads these headers.
 */
public class ActorArgumentResolver implements HandlerMethodArgumentResolver {

    public static final String ACTOR_HEADER = "X-Sori-Actor";
    public static final String ROLES_HEADER = "X-Sori-Roles";
    public static final String CUSTOMER_HEADER = "X-Sori-Customer-Id";

    private static final Pattern SAFE_ID = Pattern.compile("[A-Za-z0-9._:@-]{1,64}");

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return Actor.class.equals(parameter.getParameterType());
    }

    @Override
    public Mono<Object> resolveArgument(MethodParameter parameter, BindingContext context,
            ServerWebExchange exchange) {
        return Mono.just(actorOf(exchange.getRequest().getHeaders()));
    }

    static Actor actorOf(HttpHeaders headers) {
        String id = safe(headers.getFirst(ACTOR_HEADER));
        if (id == null) {
            return Actor.ANONYMOUS;
        }
        Set<Role> roles = EnumSet.noneOf(Role.class);
        String declared = headers.getFirst(ROLES_HEADER);
        if (declared != null) {
            for (String role : declared.split(",")) {
                try {
                    Role parsed = Role.valueOf(role.strip().toUpperCase(Locale.ROOT));
                    if (parsed != Role.SYSTEM) { // only the service itself acts as SYSTEM
                        roles.add(parsed);
                    }
                } catch (IllegalArgumentException unknownRole) {
                    // an unknown role grants nothing
                }
            }
        }
        return new Actor(id, roles, safe(headers.getFirst(CUSTOMER_HEADER)));
    }

    private static String safe(String value) {
        return value != null && SAFE_ID.matcher(value).matches() ? value : null;
    }
}
