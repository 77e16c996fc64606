package io.sori.platform.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sori.platform.web.ProblemException;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;

class ActorTest {

    private static Actor actor(String id, String roles, String customerId) {
        HttpHeaders headers = new HttpHeaders();
        if (id != null) {
            headers.add(ActorArgumentResolver.ACTOR_HEADER, id);
        }
        if (roles != null) {
            headers.add(ActorArgumentResolver.ROLES_HEADER, roles);
        }
        if (customerId != null) {
            headers.add(ActorArgumentResolver.CUSTOMER_HEADER, customerId);
        }
        return ActorArgumentResolver.actorOf(headers);
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
        assertThatThrownBy(() -> actor(null, "ADMIN", null).require(Role.AGENT))
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
        assertThat(actor("{\"$ne\":1}", "AGENT", null).isAnonymous()).isTrue();
        assertThat(actor("kim", "CUSTOMER", "C-1\nX").customerId()).isNull();
    }
}
