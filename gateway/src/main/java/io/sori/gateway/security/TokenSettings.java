package io.sori.gateway.security;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The token rules, under the same names the services read ({@code sori.security.jwt.*}), so one
 * set of environment variables configures the whole suite.
 *
 * @param secret    the suite's HS256 key (embedded default and services' own tokens)
 * @param jwkSetUri the bank's identity provider's JWK set for RS256 user tokens
 * @param issuer    the {@code iss} every token must carry
 */
@ConfigurationProperties("sori.security.jwt")
public record TokenSettings(String secret, String jwkSetUri, String issuer, Duration clockSkew) {

    public TokenSettings {
        clockSkew = clockSkew == null ? Duration.ofSeconds(30) : clockSkew;
    }

    boolean hasSecret() {
        return secret != null && !secret.isBlank();
    }

    boolean hasJwkSet() {
        return jwkSetUri != null && !jwkSetUri.isBlank();
    }
}
