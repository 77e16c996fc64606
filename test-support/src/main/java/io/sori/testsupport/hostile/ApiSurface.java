package io.sori.testsupport.hostile;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.HttpMethod;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every public endpoint of a running service, read from its own OpenAPI document: a new endpoint
 * is swept without editing a test. Only {@code /api/**} counts (actuator and docs are not the
 * public API).
 */
public final class ApiSurface {

    private static final JsonMapper JSON = new JsonMapper();

    private final List<Endpoint> endpoints;
    private final JsonNode components;

    private ApiSurface(List<Endpoint> endpoints, JsonNode components) {
        this.endpoints = endpoints;
        this.components = components;
    }

    public static ApiSurface of(WebTestClient http) {
        byte[] doc = http.get().uri("/v3/api-docs").exchange()
                .expectStatus().isOk().expectBody().returnResult().getResponseBody();
        return parse(JSON.readTree(doc));
    }

    static ApiSurface parse(JsonNode doc) {
        JsonNode components = doc.path("components").path("schemas");
        List<Endpoint> endpoints = new ArrayList<>();
        for (Map.Entry<String, JsonNode> path : doc.path("paths").properties()) {
            if (!path.getKey().startsWith("/api/")) {
                continue;
            }
            for (Map.Entry<String, JsonNode> op : path.getValue().properties()) {
                HttpMethod method = HttpMethod.valueOf(op.getKey().toUpperCase(Locale.ROOT));
                List<Param> pathParams = new ArrayList<>();
                List<Param> queryParams = new ArrayList<>();
                boolean idempotencyKey = false;
                for (JsonNode p : op.getValue().path("parameters")) {
                    JsonNode schema = p.path("schema");
                    // a resolved argument (the caller's identity) shows up as an object "query parameter": not input
                    if (schema.has("$ref")) {
                        continue;
                    }
                    Param param = new Param(p.path("name").asString(), p.path("required").asBoolean(false), schema);
                    switch (p.path("in").asString()) {
                        case "path" -> pathParams.add(param);
                        case "query" -> queryParams.add(param);
                        case "header" -> idempotencyKey |= "Idempotency-Key".equalsIgnoreCase(param.name());
                        default -> { }
                    }
                }
                JsonNode body = op.getValue().path("requestBody");
                List<String> mediaTypes = new ArrayList<>();
                JsonNode bodySchema = null;
                for (Map.Entry<String, JsonNode> content : body.path("content").properties()) {
                    mediaTypes.add(content.getKey());
                    if (bodySchema == null) {
                        bodySchema = content.getValue().path("schema");
                    }
                }
                endpoints.add(new Endpoint(method, path.getKey(), List.copyOf(pathParams), List.copyOf(queryParams),
                        idempotencyKey, bodySchema, List.copyOf(mediaTypes), body.path("required").asBoolean(false)));
            }
        }
        endpoints.sort(java.util.Comparator.comparing(Endpoint::key));
        return new ApiSurface(List.copyOf(endpoints), components);
    }

    public List<Endpoint> endpoints() {
        return endpoints;
    }

    /** The schema itself, or the component a {@code $ref} names. */
    public JsonNode resolve(JsonNode schema) {
        if (schema == null) {
            return null;
        }
        for (int hops = 0; schema.has("$ref") && hops < 10; hops++) {
            String ref = schema.get("$ref").asString();
            schema = components.path(ref.substring(ref.lastIndexOf('/') + 1));
        }
        return schema;
    }

    /** The properties of an object schema, resolved; empty for anything else. */
    public List<Field> fields(JsonNode schema) {
        JsonNode resolved = resolve(schema);
        List<Field> fields = new ArrayList<>();
        if (resolved == null) {
            return fields;
        }
        List<String> required = new ArrayList<>();
        resolved.path("required").forEach(r -> required.add(r.asString()));
        for (Iterator<Map.Entry<String, JsonNode>> it = resolved.path("properties").properties().iterator();
                it.hasNext(); ) {
            Map.Entry<String, JsonNode> property = it.next();
            fields.add(new Field(property.getKey(), resolve(property.getValue()), required.contains(property.getKey())));
        }
        return fields;
    }

    /** One operation: {@code POST /api/tickets/{id}/notes}. */
    public record Endpoint(HttpMethod method, String path, List<Param> pathParams, List<Param> queryParams,
            boolean takesIdempotencyKey, JsonNode bodySchema, List<String> bodyMediaTypes, boolean bodyRequired) {

        public String key() {
            return method.name() + " " + path;
        }

        public boolean hasBody() {
            return bodySchema != null;
        }

        public Optional<Param> query(String name) {
            return queryParams.stream().filter(p -> p.name().equals(name)).findFirst();
        }

        @Override
        public String toString() {
            return key();
        }
    }

    /** A path or query parameter and its schema ({@code type}, {@code format}, {@code enum}, limits). */
    public record Param(String name, boolean required, JsonNode schema) {

        public String type() {
            return schema.path("type").asString("string");
        }

        public String format() {
            return schema.path("format").asString("");
        }

        public List<String> enumValues() {
            List<String> values = new ArrayList<>();
            schema.path("enum").forEach(v -> values.add(v.asString()));
            return values;
        }
    }

    /** A property of a request body. */
    public record Field(String name, JsonNode schema, boolean required) {

        public String type() {
            if (schema.has("enum")) {
                return "enum";
            }
            String type = schema.path("type").asString("");
            if (type.isEmpty() && schema.has("properties")) {
                return "object";
            }
            return type.isEmpty() ? "object" : type;
        }

        public String format() {
            return schema.path("format").asString("");
        }

        public int maxLength() {
            return schema.path("maxLength").asInt(-1);
        }
    }
}
