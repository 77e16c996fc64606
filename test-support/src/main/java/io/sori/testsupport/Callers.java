package io.sori.testsupport;

import java.util.Arrays;
import java.util.function.Consumer;
import org.springframework.http.HttpHeaders;

/**
 * Who calls a service in a test: a bearer token signed as the embedded default signs them.
 * Every test sets its caller through here.
 */
public final class Callers {

    private Callers() {
    }

    public static Consumer<HttpHeaders> agent(String id) {
        return as(id, "AGENT", null);
    }

    public static Consumer<HttpHeaders> supervisor(String id) {
        return as(id, "AGENT,SUPERVISOR", null);
    }

    public static Consumer<HttpHeaders> admin(String id) {
        return as(id, "ADMIN", null);
    }

    /** A customer signed in to the app, acting for their own customer id. */
    public static Consumer<HttpHeaders> customer(String customerId) {
        return as("login-" + customerId, "CUSTOMER", customerId);
    }

    /** A channel platform (the app backend, the messenger, the mail gateway) calling the intake webhooks. */
    public static Consumer<HttpHeaders> channel(String platform) {
        return as(platform, "CHANNEL", null);
    }

    /** @param roles comma-separated roles, e.g. {@code "AGENT,SUPERVISOR"} */
    public static Consumer<HttpHeaders> as(String id, String roles, String customerId) {
        String token = Tokens.valid(id, Arrays.asList(roles.split(",")), customerId);
        return headers -> headers.setBearerAuth(token);
    }

    /** A raw bearer token, valid or not. */
    public static Consumer<HttpHeaders> bearer(String token) {
        return headers -> headers.setBearerAuth(token);
    }
}
