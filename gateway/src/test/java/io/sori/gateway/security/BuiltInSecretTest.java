package io.sori.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sori.platform.security.TokenRules;
import io.sori.testsupport.Tokens;
import org.junit.jupiter.api.Test;

/**
 * The gateway's token decoder, the bean every request depends on, is not made with the secret that
 * is in Sori's source unless this is the embedded default: the context fails to start, naming the
 * variable to set. (Services start for real with the same rule in the platform's BuiltInSecretIT;
 * a failing gateway context inside GatewaySecurityIT's JVM would shut down the shared Netty loops.)
 */
class BuiltInSecretTest {

    private final SecurityConfiguration configuration = new SecurityConfiguration();

    @Test
    void shouldRefuseTheBuiltInSecretOutsideTheEmbeddedDefault() {
        TokenSettings builtIn = new TokenSettings(TokenRules.BUILT_IN_SECRET, null, Tokens.DEFAULT_ISSUER, null);
        assertThatThrownBy(() -> configuration.jwtDecoder(builtIn, false))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("built-in secret").hasMessageContaining("SORI_JWT_SECRET");
        assertThat(configuration.jwtDecoder(builtIn, true)).isNotNull();
        assertThat(configuration.jwtDecoder(new TokenSettings("a-bank-own-random-secret-of-32-bytes-or-more", null,
                Tokens.DEFAULT_ISSUER, null), false)).isNotNull();
    }
}
