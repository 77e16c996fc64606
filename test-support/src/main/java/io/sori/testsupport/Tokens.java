package io.sori.testsupport;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;

/**
 * Signed tokens as the embedded default issues them (HS256 with the suite's default secret and
 * issuer), and the broken ones an attacker would try.
 */
public final class Tokens {

    /** The embedded default's secret and issuer: the same defaults as the services' configuration. */
    public static final String DEFAULT_SECRET = "sori-embedded-default-secret-not-for-production";
    public static final String DEFAULT_ISSUER = "https://sori.local/embedded";

    private Tokens() {
    }

    public static String valid(String subject, List<String> roles, String customerId) {
        return sign(subject, roles, customerId, DEFAULT_ISSUER, Instant.now().plus(Duration.ofMinutes(15)),
                DEFAULT_SECRET);
    }

    public static String expired(String subject, List<String> roles) {
        return sign(subject, roles, null, DEFAULT_ISSUER, Instant.now().minus(Duration.ofMinutes(5)), DEFAULT_SECRET);
    }

    public static String fromIssuer(String issuer, String subject, List<String> roles) {
        return sign(subject, roles, null, issuer, Instant.now().plus(Duration.ofMinutes(15)), DEFAULT_SECRET);
    }

    public static String signedWith(String secret, String subject, List<String> roles) {
        return sign(subject, roles, null, DEFAULT_ISSUER, Instant.now().plus(Duration.ofMinutes(15)), secret);
    }

    /** Correctly signed by the suite and from its issuer, but with no {@code exp}: it would never expire. */
    public static String withoutExpiry(String subject, List<String> roles) {
        return withClaims(java.util.Map.of("sub", subject, "iss", DEFAULT_ISSUER, "roles", roles,
                "iat", Instant.now().getEpochSecond()));
    }

    /**
     * Signed with the default secret, carrying exactly these claims (e.g. {@code roles} as a string, or
     * roles only in {@code scope}): for the rules on how claims are read.
     */
    public static String withClaims(java.util.Map<String, Object> claims) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), JWTClaimsSet.parse(claims));
            jwt.sign(new MACSigner(DEFAULT_SECRET.getBytes(StandardCharsets.UTF_8)));
            return jwt.serialize();
        } catch (JOSEException | java.text.ParseException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A valid token whose payload was then edited (here: roles raised to ADMIN) without re-signing. */
    public static String tampered(String subject) {
        String token = valid(subject, List.of("CUSTOMER"), "C-" + subject);
        String[] parts = token.split("\\.");
        String forged = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(
                ("{\"sub\":\"" + subject + "\",\"iss\":\"" + DEFAULT_ISSUER + "\",\"roles\":[\"ADMIN\"],\"exp\":"
                        + Instant.now().plusSeconds(900).getEpochSecond() + "}").getBytes(StandardCharsets.UTF_8));
        return parts[0] + "." + forged + "." + parts[2];
    }

    public static String sign(String subject, List<String> roles, String customerId, String issuer, Instant expiresAt,
            String secret) {
        Instant issuedAt = expiresAt.isBefore(Instant.now()) ? expiresAt.minus(Duration.ofMinutes(15)) : Instant.now();
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                .subject(subject)
                .issuer(issuer)
                .issueTime(Date.from(issuedAt))
                .expirationTime(Date.from(expiresAt))
                .jwtID(UUID.randomUUID().toString())
                .claim("roles", roles);
        if (customerId != null) {
            claims.claim("customerId", customerId);
        }
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims.build());
            jwt.sign(new MACSigner(secret.getBytes(StandardCharsets.UTF_8)));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }
}
