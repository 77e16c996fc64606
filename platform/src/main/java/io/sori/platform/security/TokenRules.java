package io.sori.platform.security;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;

/**
 * The token rules the gateway and every service apply alike, so a token opens the same doors at
 * both: what a token must carry, how its roles are read, and which signing secret may be used.
 */
public final class TokenRules {

    /**
     * The HS256 secret checked into the source for the embedded default. Anyone can read it, so it
     * signs nothing outside the embedded default (see {@link #requireUsableSecret}).
     */
    public static final String BUILT_IN_SECRET = "sori-embedded-default-secret-not-for-production";

    private TokenRules() {
    }

    /**
     * Issuer and time checks; {@code exp} is required: a token without one would be valid forever,
     * and Spring's timestamp check alone lets it pass.
     */
    public static OAuth2TokenValidator<Jwt> validator(String issuer, Duration clockSkew) {
        return new DelegatingOAuth2TokenValidator<>(
                new JwtClaimValidator<Instant>(JwtClaimNames.EXP, Objects::nonNull),
                new JwtTimestampValidator(clockSkew),
                new JwtIssuerValidator(issuer));
    }

    /**
     * The roles a {@code roles} claim grants: a JSON list of names or one string of names separated
     * by spaces or commas; a name counts whatever its case and surrounding spaces. Other claims
     * ({@code scope}, {@code groups}, …) grant nothing, nor do names Sori does not know, prefixed
     * names ({@code ROLE_AGENT}) or SYSTEM, which only a service's own background work holds.
     */
    public static Set<Role> roles(Object claim) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (String name : names(claim)) {
            String normalised = name.strip().toUpperCase(Locale.ROOT);
            for (Role role : Role.values()) {
                if (role != Role.SYSTEM && role.name().equals(normalised)) {
                    roles.add(role);
                }
            }
        }
        return roles;
    }

    private static Collection<String> names(Object claim) {
        if (claim instanceof Collection<?> list) {
            return list.stream().filter(String.class::isInstance).map(String.class::cast).toList();
        }
        if (claim instanceof String text) {
            return List.of(text.split("[\\s,]+"));
        }
        return List.of();
    }

    /**
     * Refuses to start with the built-in secret unless this is the embedded default
     * ({@code SORI_DEV_TOKENS=true}): anyone could otherwise sign themselves an ADMIN token.
     */
    public static void requireUsableSecret(String secret, boolean embeddedDefault) {
        if (!embeddedDefault && BUILT_IN_SECRET.equals(secret == null ? null : secret.strip())) {
            throw new IllegalStateException("sori.security.jwt.secret is the built-in secret of the embedded "
                    + "default, which anyone can read in Sori's source: set SORI_JWT_SECRET to 32 or more random "
                    + "bytes (the same on the gateway and every service), or SORI_DEV_TOKENS=true on a laptop only");
        }
    }
}
