package io.sori.platform.security;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How a service knows its callers: the same tokens the gateway checks, verified again here so
 * that nobody who reaches a service directly can claim to be someone else.
 *
 * @param jwt         the token rules
 * @param publicPaths API paths (Ant patterns, e.g. {@code /api/surveys/*}) answered without a token
 * @param serviceName the subject of this service's own tokens when it calls another service
 * @param devTokens   the embedded default ({@code SORI_DEV_TOKENS=true}): only then may the built-in secret sign
 */
@ConfigurationProperties("sori.security")
public record SecuritySettings(Jwt jwt, List<String> publicPaths, String serviceName, boolean devTokens) {

    public SecuritySettings {
        jwt = jwt == null ? new Jwt(null, null, null, null, null) : jwt;
        publicPaths = publicPaths == null ? List.of() : List.copyOf(publicPaths);
    }

    /**
     * @param secret    HS256 key shared by the suite (the embedded default's tokens and services' own tokens)
     * @param jwkSetUri the bank's identity provider's JWK set (RS256), when it signs the users' tokens
     * @param issuer    the {@code iss} every token must carry
     * @param clockSkew tolerance on {@code exp} and {@code nbf}
     * @param serviceTokenTtl lifetime of a token this service mints for itself
     */
    public record Jwt(String secret, String jwkSetUri, String issuer, Duration clockSkew, Duration serviceTokenTtl) {

        public Jwt {
            clockSkew = clockSkew == null ? Duration.ofSeconds(30) : clockSkew;
            serviceTokenTtl = serviceTokenTtl == null ? Duration.ofMinutes(5) : serviceTokenTtl;
        }
    }
}
