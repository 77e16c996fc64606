package io.sori.platform.security;

import io.sori.platform.web.ProblemException;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import org.springframework.http.HttpStatus;

/**
 * The caller of a request, as the service sees it: an id (agent id, customer's login subject),
 * roles, and the customer id a customer acts for. Controllers take it as a parameter and ask
 * it before acting, so the rule "a customer sees only their own" lives next to the data.
 */
public record Actor(String id, Set<Role> roles, String customerId) {

    public static final Actor ANONYMOUS = new Actor(null, Set.of(), null);

    public static Actor system(String name) {
        return new Actor(name, Set.of(Role.SYSTEM), null);
    }

    public Actor {
        roles = roles == null || roles.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(roles));
    }

    public boolean isAnonymous() {
        return id == null;
    }

    public boolean has(Role... any) {
        return Arrays.stream(any).anyMatch(roles::contains);
    }

    /** Staff of the bank: they work on other people's tickets. */
    public boolean isStaff() {
        return has(Role.AGENT, Role.SUPERVISOR, Role.ADMIN);
    }

    /** Throws 401 for an anonymous caller and 403 for one without any of the roles. */
    public Actor require(Role... any) {
        if (isAnonymous()) {
            throw unauthenticated();
        }
        if (!has(any)) {
            throw new ProblemException(HttpStatus.FORBIDDEN, "forbidden", "Forbidden",
                    "this needs one of the roles " + Arrays.toString(any));
        }
        return this;
    }

    /**
     * Whether this caller may see data of {@code ownerCustomerId}: staff may, a customer only their own.
     * Callers answer 404 rather than 403 when it fails, so ids of other customers reveal nothing.
     */
    public boolean maySee(String ownerCustomerId) {
        return isStaff() || has(Role.SYSTEM) || (has(Role.CUSTOMER) && customerId != null
                && customerId.equals(ownerCustomerId));
    }

    public static ProblemException unauthenticated() {
        return new ProblemException(HttpStatus.UNAUTHORIZED, "unauthenticated", "Unauthenticated",
                "this needs a signed-in caller");
    }
}
