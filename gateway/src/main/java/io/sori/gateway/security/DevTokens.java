package io.sori.gateway.security;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.sori.gateway.web.Problems;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;

/**
 * The embedded default's token desk: {@code POST /api/dev/tokens} signs a token for whoever asks.
 * It exists only when {@code SORI_DEV_TOKENS=true}; a real deployment gets its tokens from the
 * bank's identity provider and never starts this.
 */
@RestController
@ConditionalOnProperty(name = "sori.security.dev-tokens", havingValue = "true")
class DevTokens {

    static final Set<String> ROLES = Set.of("CUSTOMER", "AGENT", "SUPERVISOR", "ADMIN", "CHANNEL");
    private static final Pattern SAFE_ID = Pattern.compile("[A-Za-z0-9._:@-]{1,64}");
    private static final Duration LIFETIME = Duration.ofHours(8);

    private final TokenSettings settings;
    private final Clock clock = Clock.systemUTC();

    DevTokens(TokenSettings settings) {
        if (!settings.hasSecret()) {
            throw new IllegalStateException("dev tokens are signed with sori.security.jwt.secret; set it");
        }
        this.settings = settings;
    }

    @PostMapping(path = "/api/dev/tokens", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Map<String, Object>> issue(@RequestBody(required = false) Map<String, Object> request,
            ServerWebExchange exchange) {
        Map<String, Object> body = request == null ? Map.of() : request;
        List<Map<String, String>> errors = new ArrayList<>();
        Object subject = body.get("subject");
        if (!(subject instanceof String s) || !SAFE_ID.matcher(s).matches()) {
            errors.add(error("subject", "must be 1 to 64 letters, digits, '.', '_', ':', '@' or '-'"));
        }
        List<String> roles = new ArrayList<>();
        if (!(body.get("roles") instanceof List<?> asked) || asked.isEmpty()) {
            errors.add(error("roles", "must list at least one of " + ROLES));
        } else {
            for (Object role : asked) {
                if (role instanceof String r && ROLES.contains(r)) {
                    roles.add(r);
                } else {
                    errors.add(error("roles", "must only contain " + ROLES));
                    break;
                }
            }
        }
        Object customerId = body.get("customerId");
        if (roles.contains("CUSTOMER") && !(customerId instanceof String c && SAFE_ID.matcher(c).matches())) {
            errors.add(error("customerId", "is required for a customer: the customer id they act for"));
        } else if (customerId != null && !(customerId instanceof String c && SAFE_ID.matcher(c).matches())) {
            errors.add(error("customerId", "must be a customer id"));
        }
        if (!errors.isEmpty()) {
            Map<String, Object> problem = Problems.body(exchange, HttpStatus.BAD_REQUEST, "validation",
                    "Invalid request", errors.get(0).get("field") + ": " + errors.get(0).get("message"));
            problem.put("errors", errors);
            return ResponseEntity.badRequest().contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
        }
        Instant now = clock.instant();
        Instant expiresAt = now.plus(LIFETIME);
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("token", sign((String) subject, roles, (String) customerId, now, expiresAt));
        answer.put("tokenType", "Bearer");
        answer.put("expiresAt", expiresAt.toString());
        return ResponseEntity.ok(answer);
    }

    private String sign(String subject, List<String> roles, String customerId, Instant now, Instant expiresAt) {
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder().subject(subject).issuer(settings.issuer())
                .issueTime(Date.from(now)).expirationTime(Date.from(expiresAt)).jwtID(UUID.randomUUID().toString())
                .claim("roles", roles);
        if (customerId != null) {
            claims.claim("customerId", customerId);
        }
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims.build());
            jwt.sign(new MACSigner(GatewayTokenDecoder.key(settings.secret()).getEncoded()));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException("could not sign a dev token", e);
        }
    }

    private static Map<String, String> error(String field, String message) {
        return Map.of("field", field, "message", message);
    }
}
