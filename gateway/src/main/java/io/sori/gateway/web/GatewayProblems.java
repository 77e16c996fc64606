package io.sori.gateway.web;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebExceptionHandler;
import reactor.core.publisher.Mono;

/**
 * The gateway's own errors (no route for a path, a body it can't read) leave as RFC 9457
 * problems like every service's, never as Boot's error page or a stack trace.
 */
@Component
@Order(-2) // before Boot's DefaultErrorWebExceptionHandler (-1)
class GatewayProblems implements WebExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(GatewayProblems.class);

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, Throwable error) {
        if (exchange.getResponse().isCommitted()) {
            return Mono.error(error);
        }
        if (error instanceof ResponseStatusException status) {
            HttpStatus code = HttpStatus.resolve(status.getStatusCode().value());
            code = code == null ? HttpStatus.BAD_REQUEST : code;
            String type = switch (code) {
                case NOT_FOUND -> "not-found";
                case METHOD_NOT_ALLOWED -> "method-not-allowed";
                case UNSUPPORTED_MEDIA_TYPE -> "unsupported-media-type";
                case BAD_REQUEST -> "malformed-request";
                default -> code.is5xxServerError() ? "service-unavailable" : "request-refused";
            };
            String detail = code == HttpStatus.NOT_FOUND ? "no route for " + exchange.getRequest().getPath().value()
                    : code == HttpStatus.BAD_REQUEST ? "the request body could not be read as JSON"
                    : code.getReasonPhrase().toLowerCase();
            return Problems.write(exchange, code, type, code.getReasonPhrase(), detail);
        }
        if (refusedConnection(error)) {
            // a route without a circuit breaker (the live feed) meets a stopped service here
            exchange.getResponse().getHeaders().set("Retry-After", "5");
            return Problems.write(exchange, HttpStatus.SERVICE_UNAVAILABLE, "service-unavailable",
                    "Service unavailable", "the service did not accept the connection; the request was not sent");
        }
        log.error("unexpected error at the gateway for {}", exchange.getRequest().getPath().value(), error);
        return Problems.write(exchange, HttpStatus.BAD_GATEWAY, "gateway-error", "Bad gateway",
                "the gateway could not complete this request");
    }

    private static boolean refusedConnection(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof java.net.ConnectException) {
                return true;
            }
        }
        return false;
    }
}
