package io.sori.platform.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.assertThatNoException;

import io.sori.platform.web.ProblemException;
import io.sori.testsupport.Tokens;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The one reading of tokens shared with the gateway (whose {@code GatewaySecurityIT} sends the same
 * claims through real HTTP).
 */
class TokenRulesTest {

    private final TokenVerifier verifier = new TokenVerifier(new SecuritySettings.Jwt(Tokens.DEFAULT_SECRET, null,
            Tokens.DEFAULT_ISSUER, Duration.ofSeconds(30), Duration.ofMinutes(5)));

    @Test
    void shouldReadRolesFromAListOrASeparatedStringWhateverTheirCase() {
        assertThat(TokenRules.roles(List.of("AGENT", "SUPERVISOR"))).containsExactlyInAnyOrder(Role.AGENT,
                Role.SUPERVISOR);
        assertThat(TokenRules.roles("agent supervisor")).containsExactlyInAnyOrder(Role.AGENT, Role.SUPERVISOR);
        assertThat(TokenRules.roles(" Customer ,channel")).containsExactlyInAnyOrder(Role.CUSTOMER, Role.CHANNEL);
        assertThat(TokenRules.roles(List.of(" admin "))).containsExactly(Role.ADMIN);
    }

    @Test
    void shouldGrantNothingForUnknownPrefixedSystemOrNonTextRoles() {
        assertThat(TokenRules.roles(List.of("ROLE_ADMIN", "ROOT", "SYSTEM", "system"))).isEmpty();
        assertThat(TokenRules.roles(List.of(1, Map.of("role", "ADMIN"), List.of("ADMIN")))).isEmpty();
        assertThat(TokenRules.roles(null)).isEmpty();
        assertThat(TokenRules.roles(42)).isEmpty();
    }

    @Test
    void shouldReadOnlyTheRolesClaimNeverScope() {
        Actor actor = verifier.verify(Tokens.withClaims(Map.of("sub", "kim", "iss", Tokens.DEFAULT_ISSUER,
                "exp", Instant.now().plusSeconds(300).getEpochSecond(), "scope", "ADMIN AGENT",
                "roles", "customer"))).block();
        assertThat(actor.roles()).isEqualTo(Set.of(Role.CUSTOMER));
    }

    @Test
    void shouldRefuseATokenWithoutExpiry() {
        assertThatThrownBy(() -> verifier.verify(Tokens.withoutExpiry("kim", List.of("AGENT"))).block())
                .isInstanceOfSatisfying(ProblemException.class,
                        p -> assertThat(p.getMessage()).contains("no expiry"));
    }

    @Test
    void shouldRefuseTheBuiltInSecretOutsideTheEmbeddedDefault() {
        assertThatThrownBy(() -> TokenRules.requireUsableSecret(TokenRules.BUILT_IN_SECRET, false))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("built-in secret").hasMessageContaining("SORI_JWT_SECRET");
        assertThatThrownBy(() -> TokenRules.requireUsableSecret(" " + TokenRules.BUILT_IN_SECRET + "\n", false))
                .isInstanceOf(IllegalStateException.class);
        assertThatNoException().isThrownBy(() -> TokenRules.requireUsableSecret(TokenRules.BUILT_IN_SECRET, true));
        assertThatNoException().isThrownBy(() -> TokenRules.requireUsableSecret(
                "a-bank-own-random-secret-of-32-bytes-or-more", false));
        assertThat(Tokens.DEFAULT_SECRET).as("the tests' tokens are the embedded default's")
                .isEqualTo(TokenRules.BUILT_IN_SECRET);
    }
}
