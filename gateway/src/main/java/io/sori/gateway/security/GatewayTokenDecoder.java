package io.sori.gateway.security;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jwt.JWTParser;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import javax.crypto.spec.SecretKeySpec;
import io.sori.platform.security.TokenRules;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import reactor.core.publisher.Mono;

/**
 * Verifies a bearer token by its algorithm: RS256 against the identity provider's JWK set,
 * HS256 against the suite's secret; signature, issuer and expiry must all hold, and a token
 * without an expiry is refused. Any other
 * algorithm (including {@code none}) is refused.
 */
class GatewayTokenDecoder implements ReactiveJwtDecoder {

    private final ReactiveJwtDecoder hmac;
    private final ReactiveJwtDecoder jwks;

    GatewayTokenDecoder(TokenSettings settings) {
        if (settings.issuer() == null || settings.issuer().isBlank()) {
            throw new IllegalStateException("sori.security.jwt.issuer must be set");
        }
        // the services' own rules: issuer, time, and an exp that must be there
        OAuth2TokenValidator<Jwt> validator = TokenRules.validator(settings.issuer(), settings.clockSkew());
        hmac = settings.hasSecret() ? validated(NimbusReactiveJwtDecoder.withSecretKey(key(settings.secret()))
                .macAlgorithm(MacAlgorithm.HS256).build(), validator) : null;
        jwks = settings.hasJwkSet() ? validated(NimbusReactiveJwtDecoder.withJwkSetUri(settings.jwkSetUri())
                .jwsAlgorithm(SignatureAlgorithm.RS256).build(), validator) : null;
        if (hmac == null && jwks == null) {
            throw new IllegalStateException("set sori.security.jwt.secret or sori.security.jwt.jwk-set-uri");
        }
    }

    static SecretKeySpec key(String secret) {
        byte[] bytes = secret.getBytes(StandardCharsets.UTF_8);
        if (bytes.length < 32) {
            throw new IllegalStateException("sori.security.jwt.secret needs at least 32 bytes for HS256");
        }
        return new SecretKeySpec(bytes, "HmacSHA256");
    }

    private static ReactiveJwtDecoder validated(NimbusReactiveJwtDecoder decoder, OAuth2TokenValidator<Jwt> v) {
        decoder.setJwtValidator(v);
        return decoder;
    }

    @Override
    public Mono<Jwt> decode(String token) {
        ReactiveJwtDecoder decoder;
        try {
            var algorithm = JWTParser.parse(token).getHeader().getAlgorithm();
            decoder = JWSAlgorithm.HS256.equals(algorithm) ? hmac : JWSAlgorithm.RS256.equals(algorithm) ? jwks : null;
        } catch (ParseException | RuntimeException notAJwt) {
            return Mono.error(new BadJwtException("not a signed JWT"));
        }
        if (decoder == null) {
            return Mono.error(new BadJwtException("signing algorithm not accepted"));
        }
        return decoder.decode(token);
    }
}
