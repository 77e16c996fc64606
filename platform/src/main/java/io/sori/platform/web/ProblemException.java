package io.sori.platform.web;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpStatus;

/**
 * A failure the client should hear about as an RFC 9457 problem with a stable type.
 * Services throw it (or subclasses) from their handlers; the platform renders it.
 */
public class ProblemException extends RuntimeException {

    private final HttpStatus status;
    private final String type;
    private final String title;
    private final Map<String, Object> properties = new LinkedHashMap<>();

    public ProblemException(HttpStatus status, String type, String title, String detail) {
        super(detail);
        this.status = status;
        this.type = type;
        this.title = title;
    }

    public static ProblemException notFound(String what, String id) {
        return new ProblemException(HttpStatus.NOT_FOUND, "not-found", "Not found", what + " " + id + " does not exist");
    }

    public static ProblemException conflict(String type, String detail) {
        return new ProblemException(HttpStatus.CONFLICT, type, "Conflict", detail);
    }

    public static ProblemException badRequest(String field, String message) {
        return new ProblemException(HttpStatus.BAD_REQUEST, "validation", "Invalid request",
                field + ": " + message).with("errors", java.util.List.of(new FieldProblem(field, message)));
    }

    public ProblemException with(String name, Object value) {
        properties.put(name, value);
        return this;
    }

    public HttpStatus status() {
        return status;
    }

    public String type() {
        return type;
    }

    public String title() {
        return title;
    }

    public Map<String, Object> properties() {
        return properties;
    }

    /** One invalid field of a request, as named in the problem's {@code errors}. */
    public record FieldProblem(String field, String message) {
    }
}
