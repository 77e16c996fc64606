package io.sori.gateway.security;

import io.sori.gateway.web.Problems;
import io.sori.platform.security.Role;
import io.sori.platform.security.TokenRules;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.security.oauth2.server.resource.authentication.ReactiveJwtAuthenticationConverterAdapter;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.header.ReferrerPolicyServerHttpHeadersWriter.ReferrerPolicy;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher.MatchResult;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.reactive.CorsConfigurationSource;
import org.springframework.web.cors.reactive.UrlBasedCorsConfigurationSource;
import reactor.core.publisher.Mono;

/**
 * The door's rules: who may call which route. Tokens are verified here and again by every
 * service (which also decides what a caller may see); the gateway refuses early and cheaply.
 */
@Configuration
@EnableWebFluxSecurity
@EnableConfigurationProperties({TokenSettings.class, SecurityConfiguration.Cors.class})
class SecurityConfiguration {

    private static final String[] STAFF = {"AGENT", "SUPERVISOR", "ADMIN"};
    private static final String[] PEOPLE = {"CUSTOMER", "AGENT", "SUPERVISOR", "ADMIN"};
    /** The agent console's and the customer's status page's files (io.sori.gateway.console). */
    private static final String[] CONSOLE_PAGES = {"/console", "/console/**", "/status", "/status/**"};

    /** @param allowedOrigins the agent console's origins */
    @ConfigurationProperties("sori.gateway.cors")
    record Cors(List<String> allowedOrigins) {

        Cors {
            allowedOrigins = allowedOrigins == null ? List.of() : List.copyOf(allowedOrigins);
        }
    }

    @Bean
    ReactiveJwtDecoder jwtDecoder(TokenSettings settings,
            @Value("${sori.security.dev-tokens:false}") boolean embeddedDefault) {
        TokenRules.requireUsableSecret(settings.secret(), embeddedDefault);
        return new GatewayTokenDecoder(settings);
    }

    @Bean
    CorsProblems cors(Cors cors) {
        return new CorsProblems(corsSource(cors));
    }

    @Bean
    SecurityWebFilterChain api(ServerHttpSecurity http, ReactiveJwtDecoder decoder, Environment environment) {
        return http
                .csrf(ServerHttpSecurity.CsrfSpec::disable) // bearer tokens, no cookies: nothing to forge
                .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
                .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
                .logout(ServerHttpSecurity.LogoutSpec::disable)
                .requestCache(ServerHttpSecurity.RequestCacheSpec::disable)
                .cors(ServerHttpSecurity.CorsSpec::disable) // CorsProblems answers first, with a problem
                .headers(h -> h
                        .referrerPolicy(r -> r.policy(ReferrerPolicy.NO_REFERRER))
                        .permissionsPolicy(p -> p.policy("camera=(), microphone=(), geolocation=()")))
                .authorizeExchange(routes -> routes
                        // the management port (inside the network, for Prometheus and operators) has no API
                        .matchers(onManagementPort(environment)).permitAll()
                        .pathMatchers(HttpMethod.OPTIONS, "/api/**").permitAll()
                        // liveness and readiness only; every other actuator endpoint is on the management port
                        .pathMatchers("/livez", "/readyz").permitAll()
                        .pathMatchers("/swagger-ui.html", "/swagger-ui/**", "/webjars/**", "/v3/api-docs/**")
                                .permitAll()
                        .pathMatchers("/fallback/**").permitAll()
                        // the agent console's and the status page's files; they sign in to call the API
                        .pathMatchers(HttpMethod.GET, CONSOLE_PAGES).permitAll()
                        .pathMatchers(HttpMethod.HEAD, CONSOLE_PAGES).permitAll()
                        .pathMatchers(HttpMethod.POST, "/api/dev/tokens").permitAll()
                        // surveys: the links customers get are public; the statistics are for staff
                        .pathMatchers("/api/surveys/stats", "/api/surveys/stats/**").hasAnyRole(STAFF)
                        .pathMatchers(HttpMethod.GET, "/api/surveys/{token}").permitAll()
                        .pathMatchers(HttpMethod.POST, "/api/surveys/{token}/responses").permitAll()
                        // channel intake: only the bank's channel platforms, which vouch for the customer
                        .pathMatchers("/api/channels/chat/**", "/api/channels/talk/**", "/api/channels/email/**",
                                "/api/channels/phone/**", "/api/channels/inquiries", "/api/channels/inquiries/**")
                                .hasRole("CHANNEL")
                        .pathMatchers("/api/channels/**").hasAnyRole(PEOPLE)
                        // the agent console's live feed of every ticket change: staff only
                        .pathMatchers("/api/tickets/live").hasAnyRole(STAFF)
                        .pathMatchers("/api/tickets", "/api/tickets/**").hasAnyRole(PEOPLE)
                        .pathMatchers("/api/agents", "/api/agents/**").hasAnyRole(STAFF)
                        // blocks: agents report abuse, only supervisors and admins lift a block
                        .pathMatchers(HttpMethod.POST, "/api/blocklist/blocks/*/lift").hasAnyRole("SUPERVISOR", "ADMIN")
                        .pathMatchers("/api/blocklist/**").hasAnyRole(STAFF)
                        // knowledge: everyone signed in reads (services narrow customers to the FAQ)
                        .pathMatchers(HttpMethod.PUT, "/api/kb/reference-data/**").hasRole("ADMIN")
                        .pathMatchers(HttpMethod.POST, "/api/kb/articles/*/votes").authenticated()
                        .pathMatchers(HttpMethod.POST, "/api/kb/articles", "/api/kb/articles/**")
                                .hasAnyRole("SUPERVISOR", "ADMIN")
                        .pathMatchers(HttpMethod.PUT, "/api/kb/articles/**").hasAnyRole("SUPERVISOR", "ADMIN")
                        .pathMatchers("/api/kb/gaps", "/api/kb/suggestions").hasAnyRole(STAFF)
                        // everything not opened above needs a token, whatever its spelling (/API/…, /Api/…)
                        .anyExchange().authenticated())
                .oauth2ResourceServer(server -> server
                        .jwt(jwt -> jwt.jwtDecoder(decoder).jwtAuthenticationConverter(
                                new ReactiveJwtAuthenticationConverterAdapter(SecurityConfiguration::authentication)))
                        .authenticationEntryPoint((exchange, denied) -> unauthenticated(exchange,
                                exchange.getRequest().getHeaders().containsHeader("Authorization")))
                        .accessDeniedHandler((exchange, denied) -> forbidden(exchange)))
                .exceptionHandling(e -> e
                        .authenticationEntryPoint((exchange, denied) -> unauthenticated(exchange, false))
                        .accessDeniedHandler((exchange, denied) -> forbidden(exchange)))
                .build();
    }

    /** Roles are read by the services' rule ({@link TokenRules#roles}), so a token opens the same doors at both. */
    static AbstractAuthenticationToken authentication(Jwt jwt) {
        Collection<GrantedAuthority> authorities = new ArrayList<>();
        for (Role role : TokenRules.roles(jwt.getClaims().get("roles"))) {
            authorities.add(new SimpleGrantedAuthority("ROLE_" + role.name()));
        }
        return new JwtAuthenticationToken(jwt, authorities, jwt.getSubject());
    }

    /** A request that came in on the actuator's own port, when it has one apart from the public port. */
    static ServerWebExchangeMatcher onManagementPort(Environment environment) {
        return exchange -> {
            Integer management = environment.getProperty("local.management.port", Integer.class);
            Integer server = environment.getProperty("local.server.port", Integer.class);
            InetSocketAddress local = exchange.getRequest().getLocalAddress();
            boolean apart = management != null && management > 0 && !management.equals(server);
            return apart && local != null && local.getPort() == management ? MatchResult.match()
                    : MatchResult.notMatch();
        };
    }

    private static Mono<Void> unauthenticated(org.springframework.web.server.ServerWebExchange exchange,
            boolean tokenSent) {
        exchange.getResponse().getHeaders().set("WWW-Authenticate", tokenSent
                ? "Bearer error=\"invalid_token\"" : "Bearer");
        return Problems.write(exchange, HttpStatus.UNAUTHORIZED, tokenSent ? "invalid-token" : "unauthenticated",
                tokenSent ? "Invalid token" : "Unauthenticated", tokenSent
                        ? "the bearer token was refused: its signature, issuer or expiry does not hold"
                        : "this needs a bearer token: Authorization: Bearer <JWT>");
    }

    private static Mono<Void> forbidden(org.springframework.web.server.ServerWebExchange exchange) {
        return Problems.write(exchange, HttpStatus.FORBIDDEN, "forbidden", "Forbidden",
                "your role may not use " + exchange.getRequest().getMethod() + " "
                        + exchange.getRequest().getPath().value());
    }

    private static CorsConfigurationSource corsSource(Cors cors) {
        CorsConfiguration config = new CorsConfiguration();
        config.setAllowedOrigins(cors.allowedOrigins());
        config.setAllowedMethods(List.of("GET", "POST", "PUT", "DELETE", "OPTIONS"));
        config.setAllowedHeaders(List.of("Authorization", "Content-Type", "Idempotency-Key", "X-Request-Id",
                "X-Correlation-Id", "traceparent", "tracestate"));
        config.setExposedHeaders(List.of("X-Request-Id", "X-Correlation-Id", "Retry-After", "Location"));
        config.setAllowCredentials(false);
        config.setMaxAge(3600L);
        UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
        source.registerCorsConfiguration("/api/**", config);
        return source;
    }
}
