package io.sori.platform;

import io.micrometer.core.instrument.MeterRegistry;
import io.sori.platform.health.KafkaHealthIndicator;
import io.sori.platform.health.MongoPingHealthIndicator;
import io.sori.platform.messaging.MessagingConfiguration;
import io.sori.platform.outbox.OutboxProperties;
import io.sori.platform.outbox.OutboxRelay;
import io.sori.platform.redaction.PiiRedactor;
import io.sori.platform.security.ActorArgumentResolver;
import io.sori.platform.security.ActorWebFilter;
import io.sori.platform.security.SecuritySettings;
import io.sori.platform.security.ServiceTokens;
import io.sori.platform.security.TokenRules;
import io.sori.platform.security.TokenVerifier;
import io.sori.platform.web.IdempotentRequests;
import io.sori.platform.web.ProblemDetailsHandler;
import io.sori.platform.web.RequestIdFilter;
import io.sori.platform.web.StrictUtf8JsonDecoder;
import io.sori.platform.web.RequestIds;
import java.time.Clock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.http.codec.CodecCustomizer;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.web.reactive.config.WebFluxConfigurer;
import org.springframework.web.reactive.result.method.annotation.ArgumentResolverConfigurer;
import tools.jackson.databind.json.JsonMapper;

/**
 * What every Sori service gets by depending on the platform: request ids in logs, problem
 * details, store and broker readiness, the outbox relay and idempotent event handling.
 */
@AutoConfiguration(afterName = {
        "org.springframework.boot.data.mongodb.autoconfigure.DataMongoReactiveAutoConfiguration",
        "org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration",
        "org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration"})
@EnableConfigurationProperties({OutboxProperties.class, SecuritySettings.class})
@Import(MessagingConfiguration.class)
public class SoriPlatformAutoConfiguration {

    static {
        RequestIds.install();
        // the caller comes from the verified token, never from the request: no "actor" parameter in the API docs
        org.springdoc.core.utils.SpringDocUtils.getConfig()
                .addRequestWrapperToIgnore(io.sori.platform.security.Actor.class);
    }

    /** Millisecond ticks: what the store keeps, so an event and the document it came from agree. */
    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.tick(Clock.systemUTC(), java.time.Duration.ofMillis(1));
    }

    /** Controllers take the request's {@link io.sori.platform.security.Actor} as a parameter. */
    @Bean
    WebFluxConfigurer actorArgumentResolverConfigurer() {
        return new WebFluxConfigurer() {
            @Override
            public void configureArgumentResolvers(ArgumentResolverConfigurer configurer) {
                configurer.addCustomResolver(new ActorArgumentResolver());
            }
        };
    }

    @Bean
    @ConditionalOnMissingBean
    TokenVerifier tokenVerifier(SecuritySettings security) {
        TokenRules.requireUsableSecret(security.jwt().secret(), security.devTokens());
        return new TokenVerifier(security.jwt());
    }

    @Bean
    ActorWebFilter actorWebFilter(TokenVerifier verifier, SecuritySettings security) {
        return new ActorWebFilter(verifier, security.publicPaths());
    }

    @Bean
    ServiceTokens serviceTokens(SecuritySettings security, Clock clock) {
        TokenRules.requireUsableSecret(security.jwt().secret(), security.devTokens());
        return new ServiceTokens(security.jwt(), security.serviceName(), clock);
    }

    @Bean
    RequestIdFilter requestIdFilter() {
        return new RequestIdFilter();
    }

    @Bean
    ProblemDetailsHandler problemDetailsHandler(ObjectProvider<JsonMapper> json) {
        return new ProblemDetailsHandler(json.getIfAvailable(JsonMapper::new));
    }

    /** One redactor for every text a person writes, whether a customer on a channel or an agent on a ticket. */
    @Bean
    @ConditionalOnMissingBean
    PiiRedactor piiRedactor() {
        return new PiiRedactor();
    }

    @Bean
    IdempotentRequests idempotentRequests(ReactiveMongoTemplate mongo, ObjectProvider<JsonMapper> json, Clock clock) {
        return new IdempotentRequests(mongo, json.getIfAvailable(JsonMapper::new), clock);
    }

    /** JSON bodies are read only when they are well-formed UTF-8 (after Boot's own Jackson codecs, replacing its decoder). */
    @Bean
    @org.springframework.core.annotation.Order(org.springframework.core.Ordered.LOWEST_PRECEDENCE)
    CodecCustomizer strictUtf8JsonDecoder(ObjectProvider<JsonMapper> json) {
        return codecs -> codecs.defaultCodecs().jacksonJsonDecoder(
                new StrictUtf8JsonDecoder(json.getIfAvailable(JsonMapper::new)));
    }

    /** Replaces Boot's Mongo health check (named so that Boot's backs off). */
    @Bean(name = "mongoHealthContributor")
    MongoPingHealthIndicator mongoHealthContributor(ReactiveMongoTemplate mongo) {
        return new MongoPingHealthIndicator(mongo);
    }

    @Bean
    KafkaHealthIndicator kafkaHealthIndicator(KafkaAdmin admin) {
        return new KafkaHealthIndicator(admin);
    }

    @Bean
    @ConditionalOnProperty(name = "sori.outbox.enabled", havingValue = "true", matchIfMissing = true)
    OutboxRelay outboxRelay(ReactiveMongoTemplate mongo, KafkaTemplate<String, String> kafka,
            OutboxProperties properties, Clock clock, MeterRegistry meters) {
        return new OutboxRelay(mongo, kafka, properties, clock, meters);
    }
}
