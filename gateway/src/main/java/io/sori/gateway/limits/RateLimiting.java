package io.sori.gateway.limits;

import io.micrometer.core.instrument.MeterRegistry;
import io.sori.gateway.web.Problems;
import io.sori.platform.security.Role;
import java.net.InetSocketAddress;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.util.unit.DataSize;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Rate limits, answered with 429 and {@code Retry-After}, in three steps:
 * <ol>
 * <li>per client address, before anything else (a flood of bad tokens costs little). Generous:
 * one address may be a bank's channel platform or a carrier's NAT in front of many phones;</li>
 * <li>per signed-in principal, sized by its role: a customer's app, an agent console polling its
 * queue, a supervisor's dashboards, a channel platform speaking for all its customers;</li>
 * <li>for a channel platform's intake calls, per end customer named in the body as well: one
 * noisy customer of a platform is slowed without slowing the platform's other customers.</li>
 * </ol>
 */
@Configuration
@EnableConfigurationProperties(RateLimiting.Limits.class)
class RateLimiting {

    /** Runs before Spring Security (order -100). */
    static final int ADDRESS_ORDER = -200;
    /** Runs right after Spring Security has established the principal. */
    static final int PRINCIPAL_ORDER = -99;

    /**
     * @param perAddress     requests one client address may make
     * @param perRole        one bucket per principal, its size by role (a token with several roles gets the largest)
     * @param perPrincipal   the bucket of a principal whose roles have no limit of their own
     * @param perEndCustomer a CHANNEL principal's intake calls for one end customer
     */
    @ConfigurationProperties("sori.gateway.rate-limits")
    record Limits(Limit perAddress, Map<Role, Limit> perRole, Limit perPrincipal, Limit perEndCustomer,
            Integer maxTrackedKeys) {

        Limits {
            perAddress = perAddress == null ? new Limit(4000, 2000) : perAddress;
            perRole = perRole == null ? Map.of() : Map.copyOf(perRole);
            perPrincipal = perPrincipal == null ? new Limit(40, 20) : perPrincipal;
            perEndCustomer = perEndCustomer == null ? new Limit(10, 2) : perEndCustomer;
            maxTrackedKeys = maxTrackedKeys == null ? 100_000 : maxTrackedKeys;
        }
    }

    record Limit(int burst, double perSecond) {

        TokenBuckets buckets(int maxKeys) {
            return new TokenBuckets(burst, perSecond, maxKeys, System::nanoTime);
        }
    }

    @Bean
    WebFilter addressRateLimit(Limits limits, MeterRegistry meters) {
        TokenBuckets buckets = limits.perAddress().buckets(limits.maxTrackedKeys());
        return ordered(ADDRESS_ORDER, (exchange, chain) -> {
            if (!limited(exchange)) {
                return chain.filter(exchange);
            }
            TokenBuckets.Verdict verdict = buckets.take("address:" + address(exchange));
            return verdict.allowed() ? chain.filter(exchange) : tooMany(exchange, verdict, "address", meters);
        });
    }

    @Bean
    WebFilter principalRateLimit(Limits limits, MeterRegistry meters,
            @Value("${sori.gateway.intake-body-limit:256KB}") DataSize maxBody) {
        Map<Role, TokenBuckets> byRole = new EnumMap<>(Role.class);
        limits.perRole().forEach((role, limit) -> byRole.put(role, limit.buckets(limits.maxTrackedKeys())));
        TokenBuckets otherwise = limits.perPrincipal().buckets(limits.maxTrackedKeys());
        TokenBuckets endCustomers = limits.perEndCustomer().buckets(limits.maxTrackedKeys());
        return ordered(PRINCIPAL_ORDER, (exchange, chain) -> {
            if (!limited(exchange)) {
                return chain.filter(exchange);
            }
            return ReactiveSecurityContextHolder.getContext()
                    .map(SecurityContext::getAuthentication)
                    .filter(authentication -> authentication.isAuthenticated() && authentication.getName() != null)
                    .map(Optional::of)
                    .defaultIfEmpty(Optional.empty())
                    .flatMap(caller -> {
                        if (caller.isEmpty()) {
                            return chain.filter(exchange);
                        }
                        Authentication authentication = caller.get();
                        Role role = largestLimit(authentication, limits);
                        TokenBuckets.Verdict verdict = (role == null ? otherwise : byRole.get(role))
                                .take("principal:" + authentication.getName());
                        if (!verdict.allowed()) {
                            return tooMany(exchange, verdict, "principal", meters);
                        }
                        if (has(authentication, Role.CHANNEL) && EndCustomer.isIntake(exchange.getRequest())) {
                            return perEndCustomer(exchange, chain, authentication.getName(), endCustomers,
                                    maxBody, meters);
                        }
                        return chain.filter(exchange);
                    });
        });
    }

    /**
     * Reads the intake body to find the end customer, then sends the same bytes on: the service reads
     * exactly what the limit was keyed on. At most what the services accept (their 256 KB codec
     * limit), so a burst of intake calls holds little memory here.
     */
    private static Mono<Void> perEndCustomer(ServerWebExchange exchange,
            org.springframework.web.server.WebFilterChain chain, String platform, TokenBuckets endCustomers,
            DataSize maxBody, MeterRegistry meters) {
        return DataBufferUtils.join(exchange.getRequest().getBody(), (int) Math.min(Integer.MAX_VALUE,
                        maxBody.toBytes()))
                .map(RateLimiting::bytesOf)
                .defaultIfEmpty(new byte[0])
                .flatMap(body -> {
                    Optional<String> customer = EndCustomer.of(body);
                    if (customer.isPresent()) {
                        TokenBuckets.Verdict verdict = endCustomers.take(platform + "|" + customer.get());
                        if (!verdict.allowed()) {
                            return tooMany(exchange, verdict, "customer", meters);
                        }
                    }
                    ServerHttpRequestDecorator replayed = new ServerHttpRequestDecorator(exchange.getRequest()) {
                        @Override
                        public Flux<DataBuffer> getBody() {
                            return Flux.defer(() -> Flux.just(exchange.getResponse().bufferFactory().wrap(body)));
                        }
                    };
                    return chain.filter(exchange.mutate().request(replayed).build());
                })
                .onErrorResume(DataBufferLimitException.class, tooLarge -> Problems.write(exchange,
                        HttpStatus.CONTENT_TOO_LARGE, "payload-too-large", "Payload too large",
                        "the request body is larger than the " + maxBody.toBytes() + " bytes accepted"));
    }

    private static byte[] bytesOf(DataBuffer buffer) {
        try {
            byte[] bytes = new byte[buffer.readableByteCount()];
            buffer.read(bytes);
            return bytes;
        } finally {
            DataBufferUtils.release(buffer);
        }
    }

    /** Of the caller's roles that have a limit, the one allowing most; null when none has. */
    private static Role largestLimit(Authentication authentication, Limits limits) {
        return authentication.getAuthorities().stream()
                .map(RateLimiting::roleOf)
                .flatMap(Optional::stream)
                .filter(limits.perRole()::containsKey)
                .max(Comparator.comparingDouble((Role role) -> limits.perRole().get(role).perSecond())
                        .thenComparingInt(role -> limits.perRole().get(role).burst()))
                .orElse(null);
    }

    private static boolean has(Authentication authentication, Role role) {
        return authentication.getAuthorities().stream().map(RateLimiting::roleOf)
                .anyMatch(r -> r.filter(role::equals).isPresent());
    }

    private static Optional<Role> roleOf(GrantedAuthority authority) {
        String name = authority.getAuthority();
        if (name == null || !name.startsWith("ROLE_")) {
            return Optional.empty();
        }
        try {
            return Optional.of(Role.valueOf(name.substring(5)));
        } catch (IllegalArgumentException unknown) {
            return Optional.empty();
        }
    }

    /** Every request but the probes: whatever its spelling, a request costs the gateway work. */
    private static boolean limited(ServerWebExchange exchange) {
        String path = exchange.getRequest().getPath().value();
        return !path.equals("/livez") && !path.equals("/readyz");
    }

    /** The connecting address; a proxy in front of the gateway should be the one that limits by client. */
    private static String address(ServerWebExchange exchange) {
        InetSocketAddress remote = exchange.getRequest().getRemoteAddress();
        return remote == null || remote.getAddress() == null ? "unknown" : remote.getAddress().getHostAddress();
    }

    private static Mono<Void> tooMany(ServerWebExchange exchange, TokenBuckets.Verdict verdict, String by,
            MeterRegistry meters) {
        long seconds = Math.max(1, (long) Math.ceil(verdict.retryAfter().toMillis() / 1000d));
        meters.counter("sori.gateway.rate.limited", "by", by).increment();
        exchange.getResponse().getHeaders().set("Retry-After", Long.toString(seconds));
        return Problems.write(exchange, HttpStatus.TOO_MANY_REQUESTS, "rate-limited", "Too many requests",
                "too many requests from this " + by + "; try again in " + seconds + " s");
    }

    private static WebFilter ordered(int order, WebFilter filter) {
        return new OrderedWebFilter(order, filter);
    }

    private record OrderedWebFilter(int order, WebFilter delegate) implements WebFilter,
            org.springframework.core.Ordered {

        @Override
        public Mono<Void> filter(ServerWebExchange exchange, org.springframework.web.server.WebFilterChain chain) {
            return delegate.filter(exchange, chain);
        }

        @Override
        public int getOrder() {
            return order;
        }
    }
}
