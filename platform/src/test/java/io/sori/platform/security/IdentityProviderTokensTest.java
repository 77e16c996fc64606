package io.sori.platform.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.sori.platform.web.ProblemException;
import io.sori.testsupport.Tokens;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;

/**
 * A bank's identity provider signs users' tokens with RS256 and publishes its keys as a JWK set;
 * here a real HTTP server plays the provider's key endpoint.
 */
class IdentityProviderTokensTest {

    private static final String ISSUER = "https://idp.bank.example/realms/sori";
    private static RSAKey providerKey;
    private static DisposableServer keyEndpoint;

    @BeforeAll
    static void startTheProvidersKeyEndpoint() throws Exception {
        providerKey = new RSAKeyGenerator(2048).keyID("bank-2026-11").generate();
        String jwks = new JWKSet(providerKey.toPublicJWK()).toString();
        keyEndpoint = HttpServer.create().host("127.0.0.1").port(0)
                .route(routes -> routes.get("/certs", (request, response) ->
                        response.header("Content-Type", "application/json").sendString(Mono.just(jwks))))
                .bindNow();
    }

    @AfterAll
    static void stop() {
        keyEndpoint.disposeNow();
    }

    private TokenVerifier verifier(String secret) {
        return new TokenVerifier(new SecuritySettings.Jwt(secret, "http://127.0.0.1:" + keyEndpoint.port() + "/certs",
                ISSUER, Duration.ofSeconds(30), Duration.ofMinutes(5)));
    }

    private static String providerToken(RSAKey key, String issuer, Instant expiresAt) throws Exception {
        JWTClaimsSet claims = new JWTClaimsSet.Builder().subject("kim.minji").issuer(issuer)
                .issueTime(new Date()).expirationTime(Date.from(expiresAt))
                .claim("roles", "CUSTOMER").claim("customerId", "C-4821").build();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(), claims);
        jwt.sign(new RSASSASigner(key));
        return jwt.serialize();
    }

    @Test
    void shouldAcceptTheProvidersSignedTokens() throws Exception {
        Actor actor = verifier(null).verify(providerToken(providerKey, ISSUER, Instant.now().plusSeconds(300))).block();
        assertThat(actor.id()).isEqualTo("kim.minji");
        assertThat(actor.roles()).containsExactly(Role.CUSTOMER);
        assertThat(actor.customerId()).isEqualTo("C-4821");
    }

    @Test
    void shouldRefuseTokensSignedByAnotherKeyOrForAnotherIssuerOrExpired() throws Exception {
        RSAKey impostor = new RSAKeyGenerator(2048).keyID("bank-2026-11").generate();
        for (String token : List.of(providerToken(impostor, ISSUER, Instant.now().plusSeconds(300)),
                providerToken(providerKey, "https://idp.evil.example", Instant.now().plusSeconds(300)),
                providerToken(providerKey, ISSUER, Instant.now().minusSeconds(300)))) {
            assertThatThrownBy(() -> verifier(null).verify(token).block())
                    .isInstanceOf(ProblemException.class).hasMessageContaining("refused");
        }
    }

    @Test
    void shouldStillAcceptTheSuitesOwnServiceTokensBesideTheProvider() {
        TokenVerifier both = verifier(Tokens.DEFAULT_SECRET);
        String serviceToken = Tokens.sign("channel-service", List.of("SERVICE"), null, ISSUER,
                Instant.now().plusSeconds(60), Tokens.DEFAULT_SECRET);
        assertThat(both.verify(serviceToken).block().roles()).containsExactly(Role.SERVICE);
        // without the secret configured, an HS256 token is not accepted at all
        assertThatThrownBy(() -> verifier(null).verify(serviceToken).block()).isInstanceOf(ProblemException.class);
    }
}
