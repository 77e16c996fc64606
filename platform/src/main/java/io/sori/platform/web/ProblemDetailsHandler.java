package io.sori.platform.web;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.codec.DecodingException;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.support.WebExchangeBindException;
import org.springframework.web.server.MethodNotAllowedException;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.ServerWebInputException;
import org.springframework.web.server.UnsupportedMediaTypeStatusException;
import org.springframework.web.server.WebExceptionHandler;
import reactor.core.publisher.Mono;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every error leaves a Sori service as {@code application/problem+json} (RFC 9457) with a
 * stable {@code type}; bad input names the field; nothing leaks a stack trace. Runs before
 * Boot's own error handler, so also routing errors (404, 405) come out this way.
 */
public class ProblemDetailsHandler implements WebExceptionHandler, Ordered {

    public static final String TYPE_BASE = "https://sori.io/problems/";
    private static final Logger log = LoggerFactory.getLogger(ProblemDetailsHandler.class);

    private final JsonMapper json;

    public ProblemDetailsHandler(JsonMapper json) {
        this.json = json;
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, Throwable error) {
        ServerHttpResponse response = exchange.getResponse();
        if (response.isCommitted()) {
            return Mono.error(error);
        }
        Map<String, Object> problem = toProblem(error);
        problem.put("instance", exchange.getRequest().getPath().value());
        Object requestId = exchange.getAttribute(RequestIds.REQUEST_ID);
        if (requestId != null) {
            problem.put("requestId", requestId);
        }
        int status = (int) problem.get("status");
        if (status >= 500) {
            log.error("request {} {} failed", exchange.getRequest().getMethod(), exchange.getRequest().getPath(), error);
        } else {
            log.debug("request {} {} refused: {}", exchange.getRequest().getMethod(), exchange.getRequest().getPath(),
                    problem.get("detail"));
        }
        response.setStatusCode(HttpStatusCode.valueOf(status));
        response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        if (error instanceof MethodNotAllowedException notAllowed) {
            response.getHeaders().setAllow(notAllowed.getSupportedMethods());
        }
        DataBuffer body = response.bufferFactory().wrap(json.writeValueAsBytes(problem));
        return response.writeWith(Mono.just(body));
    }

    Map<String, Object> toProblem(Throwable error) {
        if (error instanceof ProblemException p) {
            Map<String, Object> problem = problem(p.status(), p.type(), p.title(), p.getMessage());
            problem.putAll(p.properties());
            return problem;
        }
        if (error instanceof WebExchangeBindException bind) {
            List<ProblemException.FieldProblem> errors = new ArrayList<>();
            for (FieldError fieldError : bind.getFieldErrors()) {
                errors.add(new ProblemException.FieldProblem(fieldError.getField(), fieldError.getDefaultMessage()));
            }
            bind.getGlobalErrors().forEach(e -> errors.add(new ProblemException.FieldProblem(e.getObjectName(),
                    e.getDefaultMessage())));
            return validation(errors);
        }
        Throwable limit = causeOfType(error, DataBufferLimitException.class);
        if (limit != null) {
            return problem(HttpStatus.CONTENT_TOO_LARGE, "payload-too-large", "Payload too large",
                    "the request body is larger than this endpoint accepts");
        }
        if (error instanceof UnsupportedMediaTypeStatusException media) {
            return problem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported-media-type", "Unsupported media type",
                    "content type " + media.getContentType() + " is not accepted here; supported: "
                            + media.getSupportedMediaTypes());
        }
        if (error instanceof ServerWebInputException input) {
            return inputProblem(input);
        }
        if (error instanceof OptimisticLockingFailureException) {
            return problem(HttpStatus.CONFLICT, "stale-version", "Conflict",
                    "the resource was changed by someone else; reload it and try again");
        }
        if (error instanceof DuplicateKeyException) {
            return problem(HttpStatus.CONFLICT, "duplicate", "Conflict", "this resource already exists");
        }
        if (error instanceof ResponseStatusException status) {
            HttpStatus code = HttpStatus.resolve(status.getStatusCode().value());
            String slug = code == HttpStatus.NOT_FOUND ? "not-found"
                    : code == HttpStatus.METHOD_NOT_ALLOWED ? "method-not-allowed"
                    : code == null ? "error" : code.name().toLowerCase().replace('_', '-');
            return problem(status.getStatusCode(), slug,
                    code == null ? "Error" : code.getReasonPhrase(),
                    status.getReason() != null ? status.getReason() : code == null ? "error" : code.getReasonPhrase());
        }
        return problem(HttpStatus.INTERNAL_SERVER_ERROR, "internal", "Internal error",
                "something went wrong on our side; the request id helps us find it");
    }

    private Map<String, Object> inputProblem(ServerWebInputException input) {
        JacksonException jackson = causeOfType(input, JacksonException.class);
        if (jackson != null) {
            String field = fieldPath(jackson);
            if (field.isEmpty()) {
                return validation(List.of(new ProblemException.FieldProblem("body", "is not valid JSON")));
            }
            return validation(List.of(new ProblemException.FieldProblem(field, "has the wrong type or format")));
        }
        if (causeOfType(input, DecodingException.class) != null || input.getMethodParameter() == null) {
            String reason = input.getReason() == null ? "the request could not be read" : input.getReason();
            return validation(List.of(new ProblemException.FieldProblem("body", reason)));
        }
        String name = input.getMethodParameter().getParameterName();
        return validation(List.of(new ProblemException.FieldProblem(name == null ? "request" : name,
                input.getReason() == null ? "is invalid" : input.getReason())));
    }

    private static String fieldPath(JacksonException e) {
        StringBuilder path = new StringBuilder();
        for (JacksonException.Reference ref : e.getPath()) {
            if (ref.getPropertyName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(ref.getPropertyName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    private static Map<String, Object> validation(List<ProblemException.FieldProblem> errors) {
        String detail = errors.stream().map(e -> e.field() + ": " + e.message()).reduce((a, b) -> a + "; " + b)
                .orElse("the request is invalid");
        Map<String, Object> problem = problem(HttpStatus.BAD_REQUEST, "validation", "Invalid request", detail);
        problem.put("errors", errors);
        return problem;
    }

    private static Map<String, Object> problem(HttpStatusCode status, String type, String title, String detail) {
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", URI.create(TYPE_BASE + type).toString());
        problem.put("title", title);
        problem.put("status", status.value());
        problem.put("detail", detail);
        return problem;
    }

    private static <T extends Throwable> T causeOfType(Throwable error, Class<T> type) {
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }

    @Override
    public int getOrder() {
        return -2;
    }
}
