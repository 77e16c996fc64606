package io.sori.gateway.limits;

import io.micrometer.core.instrument.MeterRegistry;
import io.sori.gateway.web.Problems;
import java.net.InetSocketAddress;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import reactor.core.publisher.Mono;

/**
 * Rate limits, answered with 429 and {@code Retry-After}: per client address before anything
 * else (so a flood of bad tokens costs little), and per signed-in principal after the token is
 * verified (so one customer or integration can't starve the others behind one address).
 */
@Configuration
@EnableConfigurationProperties(RateLimiting.Limits.class)
class RateLimiting {

    /** Runs before Spring Security (order -100). */
    static final int ADDRESS_ORDER = -200;
    /** Runs right after Spring Security has established the principal. */
    static final int PRINCIPAL_ORDER = -99;

    /**
     * @param perPrincipal requests a principal may make: burst and steady rate
     * @param perAddress   requests one client address may make
     */
    @ConfigurationProperties("sori.gateway.rate-limits")
    record Limits(Limit perPrincipal, Limit perAddress, Integer maxTrackedKeys) {

        Limits {
            perPrincipal = perPrincipal == null ? new Limit(40, 20) : perPrincipal;
            perAddress = perAddress == null ? new Limit(200, 100) : perAddress;
            maxTrackedKeys = maxTrackedKeys == null ? 100_000 : maxTrackedKeys;
        }
    }

    record Limit(int burst, double perSecond) {
    }

    @Bean
    WebFilter addressRateLimit(Limits limits, MeterRegistry meters) {
        TokenBuckets buckets = new TokenBuckets(limits.perAddress().burst(), limits.perAddress().perSecond(),
                limits.maxTrackedKeys(), System::nanoTime);
        return ordered(ADDRESS_ORDER, (exchange, chain) -> {
            if (!limited(exchange)) {
                return chain.filter(exchange);
            }
            TokenBuckets.Verdict verdict = buckets.take("address:" + address(exchange));
            return verdict.allowed() ? chain.filter(exchange) : tooMany(exchange, verdict, "address", meters);
        });
    }

    @Bean
    WebFilter principalRateLimit(Limits limits, MeterRegistry meters) {
        TokenBuckets buckets = new TokenBuckets(limits.perPrincipal().burst(), limits.perPrincipal().perSecond(),
                limits.maxTrackedKeys(), System::nanoTime);
        return ordered(PRINCIPAL_ORDER, (exchange, chain) -> {
            if (!limited(exchange)) {
                return chain.filter(exchange);
            }
            return ReactiveSecurityContextHolder.getContext()
                    .map(SecurityContext::getAuthentication)
                    .filter(authentication -> authentication.isAuthenticated() && authentication.getName() != null)
                    .map(authentication -> buckets.take("principal:" + authentication.getName()))
                    .defaultIfEmpty(new TokenBuckets.Verdict(true, java.time.Duration.ZERO))
                    .flatMap(verdict -> verdict.allowed() ? chain.filter(exchange)
                            : tooMany(exchange, verdict, "principal", meters));
        });
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
