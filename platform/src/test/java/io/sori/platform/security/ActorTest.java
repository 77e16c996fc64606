package io.sori.platform.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sori.platform.web.ProblemException;
import io.sori.testsupport.Tokens;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;

class ActorTest {

    private final SecuritySettings.Jwt settings = new SecuritySettings.Jwt(Tokens.DEFAULT_SECRET, null,
            Tokens.DEFAULT_ISSUER, Duration.ofSeconds(30), Duration.ofMinutes(5));
    private final TokenVerifier verifier = new TokenVerifier(settings);

    private Actor actor(String token) {
        return verifier.verify(token).block();
    }

    private Actor actor(String id, String roles, String customerId) {
        return actor(Tokens.valid(id, List.of(roles.split(",")), customerId));
    }

    private void assertRefused(String token, String why) {
        assertThatThrownBy(() -> actor(token))
                .isInstanceOfSatisfying(ProblemException.class, p -> {
                    assertThat(p.status()).isEqualTo(HttpStatus.UNAUTHORIZED);
                    assertThat(p.getMessage()).contains(why);
                });
    }

    @Test
    void shouldLetACustomerSeeOnlyTheirOwnData() {
        Actor customer = actor("kim", "CUSTOMER", "C-1001");
        assertThat(customer.maySee("C-1001")).isTrue();
        assertThat(customer.maySee("C-2002")).isFalse();
        assertThat(actor("agent-7", "AGENT", null).maySee("C-2002")).isTrue();
    }

    @Test
    void shouldAnswer401WithoutACallerAnd403WithoutTheRole() {
        assertThatThrownBy(() -> Actor.ANONYMOUS.require(Role.AGENT))
                .isInstanceOfSatisfying(ProblemException.class,
                        p -> assertThat(p.status()).isEqualTo(HttpStatus.UNAUTHORIZED));
        assertThatThrownBy(() -> actor("kim", "CUSTOMER", "C-1").require(Role.AGENT, Role.SUPERVISOR))
                .isInstanceOfSatisfying(ProblemException.class,
                        p -> assertThat(p.status()).isEqualTo(HttpStatus.FORBIDDEN));
        assertThat(actor("lee", "agent, supervisor", null).require(Role.SUPERVISOR).id()).isEqualTo("lee");
    }

    @Test
    void shouldGrantNothingForUnknownOrSystemRolesOrUnsafeIds() {
        assertThat(actor("x", "ROOT,SYSTEM", null).roles()).isEmpty();
        assertThat(actor("x", "ROOT,SYSTEM", null).maySee("C-1")).isFalse();
        assertRefused(Tokens.valid("{\"$ne\":1}", List.of("AGENT"), null), "subject");
        assertThat(actor("kim", "CUSTOMER", "C-1\nX").customerId()).isNull();
    }

    @Test
    void shouldRefuseTamperedExpiredForeignAndUnsignedTokens() {
        assertRefused(Tokens.tampered("mallory"), "signature");
        assertRefused(Tokens.expired("kim", List.of("AGENT")), "expired");
        assertRefused(Tokens.fromIssuer("https://evil.example", "kim", List.of("AGENT")), "issuer");
        assertRefused(Tokens.signedWith("another-secret-that-is-long-enough-for-hs256", "kim", List.of("AGENT")),
                "signature");
        String unsigned = "eyJhbGciOiJub25lIn0." + java.util.Base64.getUrlEncoder().withoutPadding()
                .encodeToString("{\"sub\":\"kim\",\"roles\":[\"ADMIN\"]}".getBytes()) + ".";
        assertRefused(unsigned, "not accepted");
        assertRefused("not-a-token", "not a signed JWT");
    }

    @Test
    void shouldVerifyTheServicesOwnTokensAsServiceOnly() {
        ServiceTokens tokens = new ServiceTokens(settings, "channel-service", Clock.systemUTC());
        Actor service = actor(tokens.token());
        assertThat(service.id()).isEqualTo("channel-service");
        assertThat(service.roles()).containsExactly(Role.SERVICE);
        assertThat(service.isStaff()).isFalse();
        assertThat(tokens.token()).as("reused until half its life has passed").isEqualTo(tokens.token());

        Clock later = Clock.offset(Clock.systemUTC(), Duration.ofMinutes(3));
        ServiceTokens renewing = new ServiceTokens(settings, "channel-service", later);
        assertThat(renewing.token()).isNotEqualTo(tokens.token());
    }
}
