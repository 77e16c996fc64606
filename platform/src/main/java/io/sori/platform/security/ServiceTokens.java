package io.sori.platform.security;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import org.springframework.web.reactive.function.client.ClientRequest;
import org.springframework.web.reactive.function.client.ExchangeFilterFunction;

/**
 * This service's own short-lived token, for the few synchronous calls it makes to another
 * Sori service. Signed with the suite's HS256 secret and carrying only the role SERVICE, so it
 * opens nothing a customer or an agent could not open themselves.
 */
public class ServiceTokens {

    private final SecuritySettings.Jwt settings;
    private final String serviceName;
    private final Clock clock;
    private volatile Minted current;

    private record Minted(String token, Instant renewAt) {
    }

    public ServiceTokens(SecuritySettings.Jwt settings, String serviceName, Clock clock) {
        this.settings = settings;
        this.serviceName = serviceName;
        this.clock = clock;
    }

    /** A valid token, renewed when half its life has passed. */
    public String token() {
        Minted minted = current;
        Instant now = clock.instant();
        if (minted == null || now.isAfter(minted.renewAt())) {
            minted = mint(now);
            current = minted;
        }
        return minted.token();
    }

    /** Adds this service's bearer token to every request of a WebClient. */
    public ExchangeFilterFunction bearer() {
        return (request, next) -> next.exchange(ClientRequest.from(request)
                .headers(headers -> headers.setBearerAuth(token())).build());
    }

    private Minted mint(Instant now) {
        if (settings.secret() == null || settings.secret().isBlank()) {
            throw new IllegalStateException("service tokens need sori.security.jwt.secret");
        }
        Duration ttl = settings.serviceTokenTtl();
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .subject(serviceName)
                .issuer(settings.issuer())
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(ttl)))
                .jwtID(UUID.randomUUID().toString())
                .claim("roles", List.of(Role.SERVICE.name()))
                .build();
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims);
            jwt.sign(new MACSigner(TokenVerifier.hmacKey(settings.secret()).getEncoded()));
            return new Minted(jwt.serialize(), now.plus(ttl.dividedBy(2)));
        } catch (JOSEException e) {
            throw new IllegalStateException("could not sign a service token", e);
        }
    }
}
