package io.sori.testsupport.hostile;

import io.sori.testsupport.hostile.ApiSurface.Endpoint;
import io.sori.testsupport.hostile.ApiSurface.Field;
import io.sori.testsupport.hostile.ApiSurface.Param;
import java.io.ByteArrayOutputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The hostile requests for one endpoint, generated from its OpenAPI description: malformed and
 * truncated JSON, wrong types for every field, unknown enum values, MongoDB operators and dotted
 * keys, strings past their limits, bodies past the services' limit, 10,000 levels of nesting,
 * control characters and invalid UTF-8, wrong content types, hostile path and query values.
 *
 * <p>Each family either lists every case ({@code all}) or draws one at random, so the same code
 * gives the systematic core of a sweep and its seeded random rounds.
 */
public final class HostileInputs {

    /** The services' JSON body limit (spring.http.codecs.max-in-memory-size). */
    static final int BODY_LIMIT = 256 * 1024;

    /** Reads the generator's own values, some of which are past the limits the services keep (on purpose). */
    private static final JsonMapper JSON = JsonMapper.builder(JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxNumberLength(100_000).build()).build()).build();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private static final List<String> JSON_MEDIA = List.of("application/json");
    private static final List<String> WRONG_MEDIA = List.of("text/plain", "application/xml",
            "application/x-www-form-urlencoded", "multipart/form-data; boundary=sori", "application/json; charset=EBCDIC",
            "application/json; charset=UTF-16", "image/png");
    private static final List<String> OPERATORS = List.of("{\"$ne\":null}", "{\"$gt\":\"\"}", "{\"$regex\":\".*\"}",
            "{\"$where\":\"sleep(5000) || true\"}", "{\"$exists\":true}", "{\"$in\":[null,\"\"]}");
    /** Bytes no UTF-8 decoder may accept. */
    private static final List<String> INVALID_UTF8 = List.of("ff", "c328", "c0af", "f880808080", "e28228", "fe");
    private static final List<String> ESCAPED_CONTROLS = List.of("\\u0000", "\\u001b[2J", "\\r\\nX-Injected: 1",
            "\\u0008\\u0007", "\\u202e\\u0000");
    private static final List<String> UNESCAPED_CONTROLS = List.of("00", "07", "1b", "0a", "7f00");

    private final ApiSurface surface;
    private final Markers markers;
    private final Map<String, String> samples;
    private final Map<String, String> pathValues;
    private final int hugeBytes;
    private final boolean everyValue;

    HostileInputs(ApiSurface surface, Markers markers, Map<String, String> samples, Map<String, String> pathValues,
            int hugeBytes, boolean everyValue) {
        this.surface = surface;
        this.markers = markers;
        this.samples = samples;
        this.pathValues = pathValues;
        this.hugeBytes = hugeBytes;
        this.everyValue = everyValue;
    }

    /** The families in the order a sweep runs them. */
    List<HostileCase> all(Endpoint e, Random random) {
        return families(e, random, true);
    }

    /** One case of a family drawn at random (null when the endpoint offers that family nothing). */
    HostileCase any(Endpoint e, Random random) {
        List<HostileCase> cases = families(e, random, false);
        return cases.isEmpty() ? null : cases.get(random.nextInt(cases.size()));
    }

    private List<HostileCase> families(Endpoint e, Random random, boolean all) {
        List<HostileCase> cases = new ArrayList<>();
        cases.addAll(pathValues(e, random, all));
        cases.addAll(queryValues(e, random, all));
        if (e.hasBody()) {
            cases.addAll(malformed(e, random, all));
            cases.addAll(wrongTypes(e, random, all));
            cases.addAll(operators(e, random, all));
            cases.addAll(enums(e, random, all));
            cases.addAll(limits(e, random, all));
            cases.addAll(nesting(e, random, all));
            cases.addAll(encodings(e, random, all));
            cases.addAll(extraKeys(e, random, all));
            cases.addAll(contentTypes(e, random, all));
        }
        if (e.takesIdempotencyKey() && e.hasBody()) {
            cases.addAll(idempotencyKeys(e, random, all));
        }
        return cases;
    }

    // ---- path and query -------------------------------------------------------------------------

    private List<HostileCase> pathValues(Endpoint e, Random random, boolean all) {
        List<HostileCase> cases = new ArrayList<>();
        String m = markers.refused();
        // each is outside the services' id rule: an operator, JSON, traversal, controls, invalid UTF-8, too long
        List<String> values = List.of("%24ne-" + m, pct("{\"$ne\":null}") + m, m + "%2E%2E%2F%2E%2E%2Fetc",
                m + "%00", m + "%0D%0ASet-Cookie:%20x=1", m + "%C3%28", m + "%FF%FE", m + "%E2%80%AE",
                m + "%20%20", m + "x".repeat(all ? 900 : 100 + random.nextInt(800)), m + "%2Fhidden",
                "%2E" + m, m + "*");
        for (Param p : e.pathParams()) {
            for (String value : values(values, random, all)) {
                String uri = uri(e, Map.of(p.name(), value), baseQuery(e, Map.of()));
                cases.add(HostileCase.refused(e.key(), "path-value", p.name() + "=" + shorten(value), e.method(), uri,
                        bodyMedia(e), e.hasBody() ? base(e, m) : null));
            }
        }
        return cases;
    }

    private List<HostileCase> queryValues(Endpoint e, Random random, boolean all) {
        List<HostileCase> cases = new ArrayList<>();
        for (Param p : e.queryParams()) {
            List<String> refused = new ArrayList<>();
            List<String> survived = new ArrayList<>();
            if (!p.enumValues().isEmpty()) {
                refused.addAll(List.of("NOT_A_" + p.name().toUpperCase(), pct("{\"$ne\":null}"), "%00"));
            } else {
                switch (p.type()) {
                    case "integer", "number" -> refused.addAll(List.of("abc", "99999999999999999999999", "1e99999",
                            pct("{\"$gt\":0}"), "%00"));
                    case "boolean" -> refused.addAll(List.of("maybe", pct("{\"$ne\":null}"), "%FF"));
                    default -> {
                        if (p.format().startsWith("date")) {
                            refused.addAll(List.of("not-a-date", "2026-13-45T99:99:99Z", pct("{\"$gt\":\"\"}"),
                                    "%C3%28"));
                        } else {
                            // free text may legitimately look like anything: it must just not break or leak
                            survived.addAll(List.of(pct("{\"$ne\":null}"), pct("'; db.dropDatabase(); //"),
                                    pct(".*") + "(((((", "%00%1B%5B2J", "%C3%28%FF", "%E2%80%AE",
                                    // long, but within the HTTP server's 4 KB request line (past it, Netty answers 414 itself)
                                    pct("가".repeat(all ? 400 : 1 + random.nextInt(400))),
                                    pct("\\u0000$where"), pct("a.b.$c")));
                        }
                    }
                }
            }
            for (String value : values(refused, random, all)) {
                cases.add(HostileCase.refused(e.key(), "query-value", p.name() + "=" + shorten(value), e.method(),
                        uri(e, Map.of(), baseQuery(e, Map.of(p.name(), value))), bodyMedia(e),
                        e.hasBody() ? base(e, markers.refused()) : null));
            }
            for (String value : values(survived, random, all)) {
                cases.add(HostileCase.survived(e.key(), "query-value", p.name() + "=" + shorten(value), e.method(),
                        uri(e, Map.of(), baseQuery(e, Map.of(p.name(), value))), bodyMedia(e),
                        e.hasBody() ? base(e, markers.neutral()) : null));
            }
            if (p.required()) {
                Map<String, String> without = new LinkedHashMap<>(baseQuery(e, Map.of()));
                without.remove(p.name());
                cases.add(HostileCase.refused(e.key(), "query-value", p.name() + " missing", e.method(),
                        uri(e, Map.of(), without), bodyMedia(e), e.hasBody() ? base(e, markers.refused()) : null));
            }
        }
        return cases;
    }

    // ---- bodies -------------------------------------------------------------------------------

    private List<HostileCase> malformed(Endpoint e, Random random, boolean all) {
        String m = markers.refused();
        String base = base(e, m);
        List<String> bodies = new ArrayList<>(List.of("{", "{\"" + m + "\":", "}{", "[", "nul", "{'" + m + "':1}",
                "{\"" + m + "\":1,}", "/* " + m + " */{}", "{\"" + m + "\" 1}", "\"" + m));
        // truncated: a valid-looking body cut short
        int cuts = all ? 3 : 1;
        for (int i = 0; i < cuts; i++) {
            bodies.add(base.substring(0, 1 + random.nextInt(Math.max(1, base.length() - 2))));
        }
        List<HostileCase> cases = new ArrayList<>();
        for (String body : values(bodies, random, all)) {
            cases.add(refused(e, "malformed-json", "truncated or broken", body));
        }
        if (e.bodyRequired()) {
            cases.add(HostileCase.refused(e.key(), "malformed-json", "empty body", e.method(), uri(e),
                    "application/json", new byte[0]));
        }
        boolean objectBody = !"array".equals(schemaType(surface.resolve(e.bodySchema())));
        List<String> wrongShapes = objectBody ? List.of("[]", "\"" + m + "\"", "42", "null", "true", "[{}]")
                : List.of("{}", "\"" + m + "\"", "42", "null");
        for (String body : values(wrongShapes, random, all)) {
            cases.add(refused(e, "malformed-json", "body is " + body, body));
        }
        // garbage bytes
        byte[] noise = new byte[all ? 64 : 2 + random.nextInt(512)];
        random.nextBytes(noise);
        noise[0] = (byte) '{';
        noise[1] = (byte) 0xff;
        cases.add(HostileCase.refused(e.key(), "malformed-json", "random bytes", e.method(), uri(e),
                "application/json", noise));
        return cases;
    }

    private List<HostileCase> wrongTypes(Endpoint e, Random random, boolean all) {
        List<HostileCase> cases = new ArrayList<>();
        List<Field> fields = surface.fields(e.bodySchema());
        if (fields.isEmpty()) {
            return cases;
        }
        for (Field f : pick(fields, random, all)) {
            for (String wrong : values(wrongValuesFor(f), random, all)) {
                cases.add(refused(e, "wrong-type", f.name() + "=" + wrong, withField(e, f.name(), wrong)));
            }
            if (f.required()) {
                cases.add(refused(e, "wrong-type", f.name() + "=null", withField(e, f.name(), "null")));
                cases.add(refused(e, "wrong-type", f.name() + " missing", withoutField(e, f.name())));
            }
            // one level down: fields of nested objects and of array items
            JsonNode nested = "array".equals(f.type()) ? surface.resolve(f.schema().path("items")) : f.schema();
            List<Field> inner = nested == null ? List.of() : surface.fields(nested);
            for (Field g : pick(inner, random, all)) {
                String wrong = pick(wrongValuesFor(g), random, false).get(0);
                ObjectNode item = (ObjectNode) skeleton(nested, markers.refused(), 0);
                item.set(g.name(), JSON.readTree(wrong));
                JsonNode value = "array".equals(f.type()) ? NODES.arrayNode().add(item) : item;
                cases.add(refused(e, "wrong-type", f.name() + "." + g.name() + "=" + wrong,
                        withField(e, f.name(), value.toString())));
            }
        }
        if (fields.stream().anyMatch(Field::required)) {
            cases.add(refused(e, "wrong-type", "all missing", "{}"));
        }
        return cases;
    }

    private List<String> wrongValuesFor(Field f) {
        String m = markers.refused();
        return switch (f.type()) {
            // numbers and booleans would be read as strings: a string field is broken by structure only
            case "string" -> f.format().startsWith("date")
                    ? List.of("\"not-a-date-" + m + "\"", "\"2026-02-30T25:61:00Z\"", "{}", "[\"" + m + "\"]", "true")
                    : List.of("{\"" + m + "\":1}", "[\"" + m + "\"]", "[]");
            case "integer", "number" -> List.of("\"" + m + "\"", "{}", "[1]", "1" + "0".repeat(40), "true",
                    "1" + "9".repeat(1200));
            case "boolean" -> List.of("\"maybe-" + m + "\"", "{}", "[true]");
            case "enum" -> List.of("{}", "[\"" + m + "\"]", "42");
            case "array" -> List.of("\"" + m + "\"", "{\"" + m + "\":1}", "42");
            default -> List.of("\"" + m + "\"", "[\"" + m + "\"]", "42");
        };
    }

    private List<HostileCase> operators(Endpoint e, Random random, boolean all) {
        List<HostileCase> cases = new ArrayList<>();
        for (Field f : pick(stringFields(e), random, all)) {
            for (String op : values(OPERATORS, random, all)) {
                cases.add(refused(e, "mongo-operator", f.name() + "=" + op, withField(e, f.name(), op)));
            }
        }
        return cases;
    }

    private List<HostileCase> enums(Endpoint e, Random random, boolean all) {
        List<HostileCase> cases = new ArrayList<>();
        for (Field f : surface.fields(e.bodySchema())) {
            JsonNode values = "array".equals(f.type()) ? f.schema().path("items").path("enum") : f.schema().path("enum");
            if (values.isMissingNode() || values.isEmpty()) {
                continue;
            }
            String first = values.get(0).asString();
            // (Jackson trims whitespace and controls around an enum name: "INBOUND\u0000" reads as INBOUND)
            List<String> unknown = List.of("NOT_A_" + f.name().toUpperCase() + "_" + markers.refused(),
                    first + "_" + markers.refused(), "$" + first, first + "\\u200b");
            for (String value : values(unknown, random, all)) {
                String json = "\"" + value + "\"";
                cases.add(refused(e, "unknown-enum", f.name() + "=" + value,
                        withField(e, f.name(), "array".equals(f.type()) ? "[" + json + "]" : json)));
            }
        }
        return cases;
    }

    private List<HostileCase> limits(Endpoint e, Random random, boolean all) {
        List<HostileCase> cases = new ArrayList<>();
        String m = markers.refused();
        for (Field f : stringFields(e)) {
            if (f.maxLength() > 0 && (all || random.nextBoolean())) {
                // Korean text one character past the field's limit (and below the body limit where it fits)
                String longText = m + "가".repeat(Math.max(1, f.maxLength() + 1 - m.length()));
                cases.add(refused(e, "too-long", f.name() + " " + (f.maxLength() + 1) + " chars",
                        withField(e, f.name(), "\"" + longText + "\"")));
            }
        }
        for (Field f : surface.fields(e.bodySchema())) {
            int maxItems = f.schema().path("maxItems").asInt(-1);
            if ("array".equals(f.type()) && maxItems > 0) {
                JsonNode item = skeleton(f.schema().path("items"), m, 0);
                ArrayNode items = NODES.arrayNode();
                for (int i = 0; i <= maxItems; i++) {
                    items.add(item);
                }
                cases.add(refused(e, "too-long", f.name() + " " + (maxItems + 1) + " items",
                        withField(e, f.name(), items.toString())));
            }
        }
        // past the body limit: one huge string, then a huge body of many fields
        Field target = stringFields(e).stream().findFirst().orElse(null);
        String huge = m + "x".repeat(BODY_LIMIT + 1024);
        cases.add(refused(e, "huge-body", "string of " + (huge.length() / 1024) + " KB",
                target == null ? "{\"" + m + "\":\"" + huge + "\"}" : withField(e, target.name(), "\"" + huge + "\"")));
        int size = all ? hugeBytes : BODY_LIMIT + random.nextInt(Math.max(1, hugeBytes - BODY_LIMIT));
        StringBuilder many = new StringBuilder(size + 64).append("{");
        for (int i = 0; many.length() < size; i++) {
            many.append("\"").append(m).append(i).append("\":\"").append("나".repeat(100)).append("\",");
        }
        many.append("\"end\":0}");
        cases.add(refused(e, "huge-body", (many.length() / 1024) + " KB body", many.toString()));
        return cases;
    }

    private List<HostileCase> nesting(Endpoint e, Random random, boolean all) {
        int depth = all ? 10_000 : 600 + random.nextInt(20_000);
        String arrays = "[".repeat(depth) + "]".repeat(depth);
        StringBuilder objects = new StringBuilder();
        for (int i = 0; i < depth; i++) {
            objects.append("{\"a\":");
        }
        objects.append("1").append("}".repeat(depth));
        List<HostileCase> cases = new ArrayList<>();
        cases.add(refused(e, "deep-nesting", depth + " nested arrays as the body", arrays));
        cases.add(refused(e, "deep-nesting", depth + " nested objects as the body", objects.toString()));
        Field first = surface.fields(e.bodySchema()).stream().findFirst().orElse(null);
        if (first != null) {
            cases.add(refused(e, "deep-nesting", depth + " nested arrays in " + first.name(),
                    withField(e, first.name(), arrays)));
        }
        return all ? cases : List.of(cases.get(random.nextInt(cases.size())));
    }

    private List<HostileCase> encodings(Endpoint e, Random random, boolean all) {
        List<HostileCase> cases = new ArrayList<>();
        String m = markers.refused();
        for (Field f : pick(stringFields(e), random, all)) {
            String placeholder = "\"" + m + "@@@\"";
            String body = withField(e, f.name(), placeholder);
            for (String hex : values(INVALID_UTF8, random, all)) {
                cases.add(HostileCase.refused(e.key(), "invalid-utf8", f.name() + " has bytes " + hex, e.method(),
                        uri(e), "application/json", splice(body, "@@@", HexFormat.of().parseHex(hex))));
            }
            for (String hex : values(UNESCAPED_CONTROLS, random, all)) {
                cases.add(HostileCase.refused(e.key(), "control-chars", f.name() + " has raw bytes " + hex,
                        e.method(), uri(e), "application/json", splice(body, "@@@", HexFormat.of().parseHex(hex))));
            }
            // escaped controls are valid JSON: an id must refuse them; free text may keep them
            boolean id = f.schema().has("pattern") || f.name().matches("id|.*Id");
            for (String control : values(ESCAPED_CONTROLS, random, all)) {
                String marker = id ? m : markers.neutral();
                String value = "\"" + marker + control + "\"";
                String json = withField(e, f.name(), value, marker);
                cases.add(id ? refused(e, "control-chars", f.name() + " has " + control, json)
                        : HostileCase.survived(e.key(), "control-chars", f.name() + " has " + control, e.method(),
                                uri(e), "application/json", json));
            }
        }
        return cases;
    }

    private List<HostileCase> extraKeys(Endpoint e, Random random, boolean all) {
        String inj = markers.injected();
        String n = markers.neutral();
        List<String> extras = List.of("\"$where\":\"" + inj + "\"", "\"a.b\":\"" + inj + "\"",
                "\"$set\":{\"roles\":[\"ADMIN\"],\"x\":\"" + inj + "\"}", "\"_class\":\"java.lang.ProcessBuilder\",\"z\":\""
                        + inj + "\"", "\"_id\":\"" + inj + "\"", "\"__proto__\":{\"admin\":\"" + inj + "\"}",
                "\"outbox\":[{\"type\":\"" + inj + "\"}]", "\"version\":\"" + inj + "\"");
        List<HostileCase> cases = new ArrayList<>();
        String base = base(e, n);
        if (!base.startsWith("{")) {
            return cases;
        }
        for (String extra : values(extras, random, all)) {
            String body = base.equals("{}") ? "{" + extra + "}" : "{" + extra + "," + base.substring(1);
            cases.add(HostileCase.survived(e.key(), "extra-keys", shorten(extra), e.method(), uri(e),
                    "application/json", body));
        }
        return cases;
    }

    private List<HostileCase> contentTypes(Endpoint e, Random random, boolean all) {
        List<HostileCase> cases = new ArrayList<>();
        String m = markers.refused();
        String body = base(e, m);
        for (String media : values(WRONG_MEDIA, random, all)) {
            if (e.bodyMediaTypes().stream().noneMatch(accepted -> media.startsWith(accepted))) {
                cases.add(HostileCase.refused(e.key(), "content-type", media, e.method(), uri(e), media, body));
            }
        }
        return cases;
    }

    private List<HostileCase> idempotencyKeys(Endpoint e, Random random, boolean all) {
        String m = markers.refused();
        List<String> keys = List.of("$ne-" + m, "{\"$ne\":null}" + m, m + " ".repeat(3) + "x",
                m + "k".repeat(300), m + "\u00e9\u00e8", m + "/../x");
        List<HostileCase> cases = new ArrayList<>();
        for (String key : values(keys, random, all)) {
            cases.add(refused(e, "idempotency-key", "Idempotency-Key " + shorten(key), base(e, m))
                    .withIdempotencyKey(key));
        }
        return cases;
    }

    // ---- building blocks ----------------------------------------------------------------------

    /** The sample body the test gave for the endpoint (its marker filled in), else one built from the schema. */
    String base(Endpoint e, String marker) {
        String sample = samples.get(e.key());
        if (sample != null) {
            return sample.replace(Markers.PLACEHOLDER, marker);
        }
        return skeleton(e.bodySchema(), marker, 0).toString();
    }

    private JsonNode skeleton(JsonNode schema, String marker, int depth) {
        JsonNode s = surface.resolve(schema);
        if (s == null || depth > 4) {
            return NODES.nullNode();
        }
        if (s.has("enum")) {
            return NODES.stringNode(s.path("enum").get(0).asString());
        }
        switch (schemaType(s)) {
            case "array" -> {
                ArrayNode array = NODES.arrayNode();
                JsonNode item = skeleton(s.path("items"), marker, depth + 1);
                if (!item.isNull()) {
                    array.add(item);
                }
                return array;
            }
            case "integer" -> {
                return NODES.numberNode(Math.max(1, s.path("minimum").asInt(1)));
            }
            case "number" -> {
                return NODES.numberNode(1.5);
            }
            case "boolean" -> {
                return NODES.booleanNode(true);
            }
            case "string" -> {
                String format = s.path("format").asString("");
                if (format.equals("date-time")) {
                    return NODES.stringNode("2031-01-01T09:00:00Z");
                }
                if (format.equals("date")) {
                    return NODES.stringNode("2031-01-01");
                }
                return NODES.stringNode(s.has("pattern") ? marker + "-1" : marker + " 한국어 문의입니다");
            }
            case "object" -> {
                ObjectNode object = NODES.objectNode();
                for (Field f : surface.fields(s)) {
                    object.set(f.name(), skeleton(f.schema(), marker, depth + 1));
                }
                if (s.has("additionalProperties") && object.isEmpty()) {
                    object.set(marker, skeleton(s.path("additionalProperties"), marker, depth + 1));
                }
                return object;
            }
            default -> {
                return NODES.stringNode(marker);
            }
        }
    }

    private static String schemaType(JsonNode s) {
        String type = s.path("type").asString("");
        if (type.isEmpty()) {
            return s.has("properties") || s.has("additionalProperties") ? "object" : "string";
        }
        return type;
    }

    private List<Field> stringFields(Endpoint e) {
        return surface.fields(e.bodySchema()).stream().filter(f -> "string".equals(f.type())).toList();
    }

    private String withField(Endpoint e, String field, String rawJsonValue) {
        return withField(e, field, rawJsonValue, markers.refused());
    }

    /** The base body with one field's value replaced by raw JSON text (which may be anything, even broken). */
    private String withField(Endpoint e, String field, String rawJsonValue, String marker) {
        JsonNode base = JSON.readTree(base(e, marker));
        if (!(base instanceof ObjectNode object)) {
            return "{\"" + field + "\":" + rawJsonValue + "}";
        }
        object.remove(field);
        String rest = object.toString();
        String first = "\"" + field + "\":" + rawJsonValue;
        return rest.equals("{}") ? "{" + first + "}" : "{" + first + "," + rest.substring(1);
    }

    private String withoutField(Endpoint e, String field) {
        JsonNode base = JSON.readTree(base(e, markers.refused()));
        if (base instanceof ObjectNode object) {
            object.remove(field);
        }
        return base.toString();
    }

    private HostileCase refused(Endpoint e, String family, String label, String body) {
        return HostileCase.refused(e.key(), family, label, e.method(), uri(e), "application/json",
                body);
    }

    private String uri(Endpoint e) {
        return uri(e, Map.of(), baseQuery(e, Map.of()));
    }

    private String uri(Endpoint e, Map<String, String> hostilePath, Map<String, String> query) {
        String path = e.path();
        for (Param p : e.pathParams()) {
            String value = hostilePath.containsKey(p.name()) ? hostilePath.get(p.name())
                    : pct(pathValues.getOrDefault(p.name(), markers.refused() + "-" + p.name()));
            path = path.replace("{" + p.name() + "}", value);
        }
        StringBuilder uri = new StringBuilder(path);
        char sep = '?';
        for (Map.Entry<String, String> q : query.entrySet()) {
            uri.append(sep).append(q.getKey()).append('=').append(q.getValue());
            sep = '&';
        }
        return uri.toString();
    }

    /** Required query parameters with plausible values (percent-encoded), the hostile ones put over them. */
    private Map<String, String> baseQuery(Endpoint e, Map<String, String> hostile) {
        Map<String, String> query = new LinkedHashMap<>();
        for (Param p : e.queryParams()) {
            if (p.required()) {
                query.put(p.name(), pct(plausible(p)));
            }
        }
        query.putAll(hostile);
        return query;
    }

    private String plausible(Param p) {
        if (!p.enumValues().isEmpty()) {
            return p.enumValues().get(0);
        }
        return switch (p.type()) {
            case "integer", "number" -> "1";
            case "boolean" -> "true";
            default -> p.format().equals("date-time") ? "2026-01-01T00:00:00Z"
                    : p.format().equals("date") ? "2026-01-01" : pathValues.getOrDefault(p.name(), markers.neutral());
        };
    }

    private String bodyMedia(Endpoint e) {
        return e.hasBody() ? JSON_MEDIA.get(0) : null;
    }

    /** Every value of a family only in an exhaustive run; otherwise one per field, drawn with the seed. */
    private <T> List<T> values(List<T> values, Random random, boolean all) {
        return pick(values, random, all && everyValue);
    }

    private static <T> List<T> pick(List<T> values, Random random, boolean all) {
        if (all || values.isEmpty()) {
            return values;
        }
        return List.of(values.get(random.nextInt(values.size())));
    }

    static String pct(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static String shorten(String value) {
        return value.length() > 40 ? value.substring(0, 40) + "…(" + value.length() + ")" : value;
    }

    private static byte[] splice(String text, String placeholder, byte[] bytes) {
        int at = text.indexOf(placeholder);
        byte[] head = text.substring(0, at).getBytes(StandardCharsets.UTF_8);
        byte[] tail = text.substring(at + placeholder.length()).getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(head);
        out.writeBytes(bytes);
        out.writeBytes(tail);
        return out.toByteArray();
    }

    /**
     * The marks a sweep's values carry. {@link #refused()} is in every value of a request that must
     * be refused, {@link #injected()} in every operator or key an attacker smuggles in: neither may
     * ever be found in the store. {@link #neutral()} marks values that may legitimately be kept.
     */
    public record Markers(String refused, String injected, String neutral) {

        /** Where a sample body puts the marker of the case. */
        public static final String PLACEHOLDER = "{m}";

        static Markers of(long seed) {
            Random random = new Random(seed);
            String letters = "";
            for (int i = 0; i < 8; i++) {
                letters += (char) ('a' + random.nextInt(26));
            }
            return new Markers("hxref" + letters, "hxinj" + letters, "hxok" + letters);
        }
    }
}
