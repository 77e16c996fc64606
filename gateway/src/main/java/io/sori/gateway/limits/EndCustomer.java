package io.sori.gateway.limits;

import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.http.HttpMethod;
import org.springframework.http.server.reactive.ServerHttpRequest;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.json.JsonMapper;

/**
 * The end customer a channel platform's intake call speaks for: the top-level {@code customerId}
 * of the JSON body (or, for a mail without one, its {@code from}), as channel-service reads it.
 * Read from the body rather than a header of its own, so the key can never disagree with what
 * is stored and the intake API stays as it is.
 */
final class EndCustomer {

    /** The intake webhooks (POST, CHANNEL only): the only requests whose body the gateway reads. */
    private static final Pattern INTAKE = Pattern.compile(
            "/api/channels/(chat/messages|talk/messages|phone/calls|phone/callbacks|email/inbound|inquiries)");
    private static final int MAX_KEY_LENGTH = 200;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private EndCustomer() {
    }

    static boolean isIntake(ServerHttpRequest request) {
        return HttpMethod.POST.equals(request.getMethod()) && INTAKE.matcher(request.getPath().value()).matches()
                && RequestSizeLimit.isJson(request.getHeaders().getContentType());
    }

    /** Empty when the body names nobody or is not JSON: the service refuses it; the principal's limit still holds. */
    static Optional<String> of(byte[] body) {
        String customerId = null;
        String from = null;
        try (JsonParser parser = JSON.createParser(body)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return Optional.empty();
            }
            while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
                String name = parser.currentName();
                JsonToken value = parser.nextToken();
                if (value == JsonToken.VALUE_STRING && "customerId".equals(name)) {
                    customerId = parser.getString();
                    break;
                } else if (value == JsonToken.VALUE_STRING && "from".equals(name)) {
                    from = parser.getString();
                } else {
                    parser.skipChildren();
                }
            }
        } catch (JacksonException malformed) {
            // the service answers a body it can't read with its own 400 problem
        }
        String key = usable(customerId) ? "customer:" + customerId
                : usable(from) ? "from:" + from.trim().toLowerCase(java.util.Locale.ROOT) : null;
        return Optional.ofNullable(key);
    }

    private static boolean usable(String value) {
        return value != null && !value.isBlank() && value.length() <= MAX_KEY_LENGTH;
    }
}
