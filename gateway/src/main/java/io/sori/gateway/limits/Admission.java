package io.sori.gateway.limits;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.sori.gateway.web.Problems;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.cloud.gateway.filter.NettyWriteResponseFilter;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Admission control: at most {@code max-in-flight} requests per route are on their way to a
 * service at once; the next one is answered {@code 503} with {@code Retry-After} at once, having
 * reached nothing. A slow service thus queues nothing unbounded at the door, and its neighbours'
 * routes keep their own room.
 *
 * <p>It runs before every route filter, outside the circuit breaker: a request shed here was never
 * sent, so the breaker counts only what services really did (an error, a refused connection, no
 * answer in time), never the gateway's own refusals.
 */
@Configuration
@EnableConfigurationProperties(Admission.Settings.class)
class Admission {

    /** Before every route filter (from 1) and around the response write (-1): a place is held until the answer has left. */
    static final int ORDER = NettyWriteResponseFilter.WRITE_RESPONSE_FILTER_ORDER - 1;
    /** Route metadata marking long-lived streams: held in admission only until the stream starts. */
    static final String STREAMING = "streaming";

    /**
     * @param maxInFlight requests one route may have at a service at once
     * @param perRoute    a route's own bound instead, by route id
     * @param retryAfter  seconds a shed caller is asked to wait
     */
    @ConfigurationProperties("sori.gateway.admission")
    record Settings(Integer maxInFlight, Map<String, Integer> perRoute, Integer retryAfter) {

        Settings {
            maxInFlight = maxInFlight == null ? 200 : maxInFlight;
            perRoute = perRoute == null ? Map.of() : Map.copyOf(perRoute);
            retryAfter = retryAfter == null ? 1 : retryAfter;
        }

        int limitOf(String routeId) {
            return perRoute.getOrDefault(routeId, maxInFlight);
        }
    }

    @Bean
    GlobalFilter admissionControl(Settings settings, MeterRegistry meters) {
        Map<String, AtomicInteger> inFlight = new ConcurrentHashMap<>();
        return new OrderedGlobalFilter(ORDER, (exchange, chain) -> {
            Route route = exchange.getAttribute(ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR);
            if (route == null) {
                return chain.filter(exchange);
            }
            String id = route.getId();
            AtomicInteger count = inFlight.computeIfAbsent(id, k -> {
                AtomicInteger gauge = new AtomicInteger();
                meters.gauge("sori.gateway.in.flight", Tags.of("route", k), gauge);
                return gauge;
            });
            if (count.incrementAndGet() > settings.limitOf(id)) {
                count.decrementAndGet();
                return shed(exchange, id, settings.retryAfter(), meters);
            }
            // released once, however the exchange ends: answered, failed or cancelled by the client; a stream
            // (route metadata streaming: true) as soon as it has started, since it stays open for hours and the
            // bound is about requests waiting on a service, not about consoles connected to it
            java.util.concurrent.atomic.AtomicBoolean held = new java.util.concurrent.atomic.AtomicBoolean(true);
            Runnable release = () -> {
                if (held.compareAndSet(true, false)) {
                    count.decrementAndGet();
                }
            };
            if (isStreaming(route)) {
                exchange.getResponse().beforeCommit(() -> Mono.fromRunnable(release));
            }
            return chain.filter(exchange).doFinally(signal -> release.run());
        });
    }

    /** A route whose answers are long-lived streams (the live ticket feed). */
    static boolean isStreaming(Route route) {
        return "true".equals(String.valueOf(route.getMetadata().get(STREAMING)));
    }

    private static Mono<Void> shed(ServerWebExchange exchange, String route, int retryAfter, MeterRegistry meters) {
        meters.counter("sori.gateway.shed", "route", route).increment();
        exchange.getResponse().getHeaders().set("Retry-After", Integer.toString(retryAfter));
        return Problems.write(exchange, HttpStatus.SERVICE_UNAVAILABLE, "overloaded", "Service busy",
                "the " + route + " route is at capacity; the request was not sent, so it is safe to send again in "
                        + retryAfter + " s");
    }

    private record OrderedGlobalFilter(int order, GlobalFilter delegate) implements GlobalFilter, Ordered {

        @Override
        public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
            return delegate.filter(exchange, chain);
        }

        @Override
        public int getOrder() {
            return order;
        }
    }
}
