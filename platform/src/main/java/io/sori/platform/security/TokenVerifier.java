package io.sori.platform.security;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jwt.JWTParser;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.http.HttpStatus;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtValidationException;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import io.sori.platform.web.ProblemException;
import reactor.core.publisher.Mono;

/**
 * Turns a bearer token into the {@link Actor} it names, or refuses it. Users' tokens may come
 * from the bank's identity provider (RS256 through its JWK set) or, in the embedded default,
 * be signed with the suite's HS256 secret; services' own tokens are always HS256. Signature,
 * issuer and expiry are checked; a token that fails any of them is a 401, never a guest.
 */
public class TokenVerifier {

    private static final Pattern SAFE_ID = Pattern.compile("[A-Za-z0-9._:@-]{1,64}");

    private final ReactiveJwtDecoder hmac;
    private final ReactiveJwtDecoder jwks;

    public TokenVerifier(SecuritySettings.Jwt settings) {
        if (settings.issuer() == null || settings.issuer().isBlank()) {
            throw new IllegalStateException("sori.security.jwt.issuer must be set");
        }
        OAuth2TokenValidator<Jwt> validator = TokenRules.validator(settings.issuer(), settings.clockSkew());
        this.hmac = settings.secret() == null || settings.secret().isBlank() ? null : withValidator(
                NimbusReactiveJwtDecoder.withSecretKey(hmacKey(settings.secret())).macAlgorithm(MacAlgorithm.HS256)
                        .build(), validator);
        this.jwks = settings.jwkSetUri() == null || settings.jwkSetUri().isBlank() ? null : withValidator(
                NimbusReactiveJwtDecoder.withJwkSetUri(settings.jwkSetUri())
                        .jwsAlgorithm(SignatureAlgorithm.RS256).build(), validator);
        if (hmac == null && jwks == null) {
            throw new IllegalStateException("set sori.security.jwt.secret or sori.security.jwt.jwk-set-uri");
        }
    }

    static SecretKeySpec hmacKey(String secret) {
        byte[] key = secret.getBytes(StandardCharsets.UTF_8);
        if (key.length < 32) {
            throw new IllegalStateException("sori.security.jwt.secret needs at least 32 bytes for HS256");
        }
        return new SecretKeySpec(key, "HmacSHA256");
    }

    private static ReactiveJwtDecoder withValidator(NimbusReactiveJwtDecoder decoder, OAuth2TokenValidator<Jwt> v) {
        decoder.setJwtValidator(v);
        return decoder;
    }

    public Mono<Actor> verify(String token) {
        ReactiveJwtDecoder decoder;
        try {
            decoder = decoderFor(JWTParser.parse(token).getHeader().getAlgorithm());
        } catch (ParseException | RuntimeException notAJwt) {
            return Mono.error(invalid("it is not a signed JWT"));
        }
        if (decoder == null) {
            return Mono.error(invalid("its signing algorithm is not accepted here"));
        }
        return decoder.decode(token)
                .onErrorMap(error -> !(error instanceof ProblemException), error -> invalid(reason(error)))
                .map(TokenVerifier::actorOf);
    }

    private ReactiveJwtDecoder decoderFor(com.nimbusds.jose.Algorithm algorithm) {
        if (JWSAlgorithm.HS256.equals(algorithm)) {
            return hmac;
        }
        if (JWSAlgorithm.RS256.equals(algorithm)) {
            return jwks;
        }
        return null;
    }

    /** Says which check failed without echoing the token back. */
    private static String reason(Throwable error) {
        if (!(error instanceof JwtValidationException validation)) {
            return "its signature does not verify"; // Nimbus rejects bad signatures before any claim is read
        }
        String failed = validation.getErrors().stream().map(e -> String.valueOf(e.getDescription()))
                .collect(java.util.stream.Collectors.joining(" ")).toLowerCase(Locale.ROOT);
        if (failed.contains("exp") && !failed.contains("expired")) {
            return "it has no expiry (exp)";
        }
        if (failed.contains("expired")) {
            return "it has expired";
        }
        if (failed.contains("iss")) {
            return "its issuer is not trusted";
        }
        return "its claims are not valid";
    }

    static Actor actorOf(Jwt jwt) {
        String subject = safe(jwt.getSubject());
        if (subject == null) {
            throw invalid("its subject is missing or malformed");
        }
        Set<Role> roles = TokenRules.roles(jwt.getClaims().get("roles"));
        return new Actor(subject, roles, safe(jwt.getClaimAsString("customerId")));
    }

    private static String safe(String value) {
        return value != null && SAFE_ID.matcher(value).matches() ? value : null;
    }

    static ProblemException invalid(String why) {
        return new ProblemException(HttpStatus.UNAUTHORIZED, "invalid-token", "Invalid token",
                "the bearer token was refused: " + why);
    }
}
