package io.sori.testsupport.hostile;

import java.nio.charset.StandardCharsets;
import org.springframework.http.HttpMethod;

/**
 * One hostile request and what the service must do with it.
 *
 * @param endpoint    the endpoint it aims at ({@code POST /api/tickets}), for the report
 * @param family      what kind of hostility: {@code malformed-json}, {@code wrong-type}, {@code deep-nesting}, ...
 * @param label       what exactly was sent, short
 * @param uri         the raw request URI, already percent-encoded (sent as it is)
 * @param contentType the Content-Type header, or null for none
 * @param body        the raw body bytes, or null for none
 * @param expect      {@link Expect#REFUSED}: must be a 4xx and store nothing; {@link Expect#SURVIVED}: the input may be
 *                    legitimate (free text that looks like an operator), so any answer but a 5xx or a leak
 */
public record HostileCase(String endpoint, String family, String label, HttpMethod method, String uri,
        String contentType, byte[] body, String idempotencyKey, Expect expect) {

    public enum Expect { REFUSED, SURVIVED }

    public static HostileCase refused(String endpoint, String family, String label, HttpMethod method, String uri,
            String contentType, String body) {
        return new HostileCase(endpoint, family, label, method, uri, contentType, bytes(body), null, Expect.REFUSED);
    }

    public static HostileCase refused(String endpoint, String family, String label, HttpMethod method, String uri,
            String contentType, byte[] body) {
        return new HostileCase(endpoint, family, label, method, uri, contentType, body, null, Expect.REFUSED);
    }

    public static HostileCase survived(String endpoint, String family, String label, HttpMethod method, String uri,
            String contentType, String body) {
        return new HostileCase(endpoint, family, label, method, uri, contentType, bytes(body), null, Expect.SURVIVED);
    }

    public HostileCase withIdempotencyKey(String key) {
        return new HostileCase(endpoint, family, label, method, uri, contentType, body, key, expect);
    }

    private static byte[] bytes(String body) {
        return body == null ? null : body.getBytes(StandardCharsets.UTF_8);
    }

    /** How the case reads in a failure report: family, endpoint, label and the start of the body. */
    public String describe() {
        String sample = body == null ? "" : new String(body, 0, Math.min(body.length, 160), StandardCharsets.UTF_8)
                .replaceAll("\\p{Cntrl}", "?");
        return "[" + family + "] " + method + " " + (uri.length() > 160 ? uri.substring(0, 160) + "…" : uri)
                + " (" + label + ")" + (contentType == null ? "" : " " + contentType)
                + (body == null ? "" : " " + body.length + " bytes: " + sample);
    }
}
