package io.sori.gateway.fallback;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.micrometer.core.instrument.MeterRegistry;
import io.sori.gateway.web.Problems;
import java.util.Map;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;

/**
 * Where a route's circuit breaker sends a call its service can't take: a fast 503 problem with
 * {@code Retry-After}, instead of a hung client or a bare gateway error page.
 */
@RestController
class ServiceUnavailable {

    private static final Pattern ROUTE = Pattern.compile("[a-z-]{1,30}");

    private final MeterRegistry meters;

    ServiceUnavailable(MeterRegistry meters) {
        this.meters = meters;
    }

    @RequestMapping("/fallback/{route}")
    ResponseEntity<Map<String, Object>> unavailable(@PathVariable String route, ServerWebExchange exchange) {
        String service = ROUTE.matcher(route).matches() ? route : "the service";
        Throwable cause = exchange.getAttribute(ServerWebExchangeUtils.CIRCUITBREAKER_EXECUTION_EXCEPTION_ATTR);
        String why = cause instanceof CallNotPermittedException ? "has failed repeatedly and is given a moment to recover"
                : cause instanceof TimeoutException || (cause != null && cause.getClass().getSimpleName()
                        .contains("Timeout")) ? "did not answer in time" : "is not answering";
        meters.counter("sori.gateway.fallbacks", "route", service).increment();
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .header("Retry-After", "5")
                .body(Problems.body(exchange, HttpStatus.SERVICE_UNAVAILABLE, "service-unavailable",
                        "Service unavailable", service + " " + why + "; please try again shortly"));
    }
}
