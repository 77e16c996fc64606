package io.sori.gateway.fallback;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.micrometer.core.instrument.MeterRegistry;
import io.sori.gateway.web.Problems;
import java.net.ConnectException;
import java.util.Map;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.client.HttpStatusCodeException;
import org.springframework.web.server.ServerWebExchange;

/**
 * Where a route's circuit breaker sends a call its service didn't complete: a fast problem with
 * {@code Retry-After} instead of a hung client or a bare gateway error page, saying honestly
 * whether the request reached the service.
 * <ul>
 * <li>{@code 503}: not sent (the breaker is open, nothing accepted the connection) or the service
 * answered with an error of its own: safe to send again.</li>
 * <li>{@code 504}: sent, but no answer in time. A change may have been applied: the creating POSTs
 * take an {@code Idempotency-Key}, and sending the same request with the same key again gives its
 * one outcome, never a second ticket or message.</li>
 * </ul>
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
        Outcome outcome = Outcome.of(cause);
        boolean change = !HttpMethod.GET.equals(exchange.getRequest().getMethod())
                && !HttpMethod.HEAD.equals(exchange.getRequest().getMethod());
        boolean mayHaveApplied = change && (outcome == Outcome.NO_ANSWER || outcome == Outcome.BROKEN);
        String detail = service + " " + outcome.why(cause) + (mayHaveApplied
                ? "; the request may have been applied: send it again with the same Idempotency-Key to get its one"
                        + " outcome"
                : "; please try again shortly");
        meters.counter("sori.gateway.fallbacks", "route", service, "outcome", outcome.tag).increment();
        return ResponseEntity.status(outcome.status)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .header("Retry-After", "5")
                .body(Problems.body(exchange, outcome.status, outcome.type, outcome.title(), detail));
    }

    private enum Outcome {
        OPEN_CIRCUIT(HttpStatus.SERVICE_UNAVAILABLE, "service-unavailable", "open"),
        NOT_CONNECTED(HttpStatus.SERVICE_UNAVAILABLE, "service-unavailable", "not-connected"),
        ERROR_ANSWER(HttpStatus.SERVICE_UNAVAILABLE, "service-unavailable", "error"),
        NO_ANSWER(HttpStatus.GATEWAY_TIMEOUT, "gateway-timeout", "timeout"),
        BROKEN(HttpStatus.SERVICE_UNAVAILABLE, "service-unavailable", "broken");

        final HttpStatus status;
        final String type;
        final String tag;

        Outcome(HttpStatus status, String type, String tag) {
            this.status = status;
            this.type = type;
            this.tag = tag;
        }

        static Outcome of(Throwable cause) {
            if (cause instanceof CallNotPermittedException) {
                return OPEN_CIRCUIT;
            }
            if (cause instanceof HttpStatusCodeException) {
                return ERROR_ANSWER;
            }
            for (Throwable t = cause; t != null; t = t.getCause()) {
                // the time limiter's java.util.concurrent one, or the gateway's own response timeout
                if (t instanceof TimeoutException || t.getClass().getSimpleName().equals("TimeoutException")
                        || t.getClass().getSimpleName().equals("ReadTimeoutException")) {
                    return NO_ANSWER;
                }
                if (t instanceof ConnectException || t.getClass().getSimpleName().equals("ConnectTimeoutException")) {
                    return NOT_CONNECTED;
                }
            }
            return BROKEN;
        }

        String title() {
            return status == HttpStatus.GATEWAY_TIMEOUT ? "Gateway timeout" : "Service unavailable";
        }

        String why(Throwable cause) {
            return switch (this) {
                case OPEN_CIRCUIT -> "has failed repeatedly and is given a moment to recover; the request was not sent";
                case NOT_CONNECTED -> "is not answering; the request was not sent";
                case ERROR_ANSWER -> "is unavailable (it answered "
                        + ((HttpStatusCodeException) cause).getStatusCode().value() + ")";
                case NO_ANSWER -> "did not answer in time";
                case BROKEN -> "did not complete the request";
            };
        }
    }
}
