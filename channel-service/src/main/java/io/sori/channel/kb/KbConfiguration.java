package io.sori.channel.kb;

import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.micrometer.tagged.TaggedCircuitBreakerMetrics;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import io.sori.platform.security.ServiceTokens;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The client to kb-service with its circuit breaker (named {@code kb}; its state is exported as
 * {@code resilience4j_circuitbreaker_state{name="kb"}}), and the reference-data copy.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(KbProperties.class)
class KbConfiguration {

    static final String BREAKER = "kb";

    @Bean
    CircuitBreakerRegistry kbCircuitBreakers(KbProperties properties, MeterRegistry meters) {
        CircuitBreakerRegistry registry = CircuitBreakerRegistry.of(KbClient.breakerConfig(properties.circuitBreaker()));
        TaggedCircuitBreakerMetrics.ofCircuitBreakerRegistry(registry).bindTo(meters);
        return registry;
    }

    @Bean
    KbClient kbClient(KbProperties properties, CircuitBreakerRegistry kbCircuitBreakers, MeterRegistry meters,
            ServiceTokens serviceTokens) {
        return new KbClient(properties, kbCircuitBreakers.circuitBreaker(BREAKER), meters, serviceTokens.bearer());
    }

    @Bean
    ReferenceDataCache referenceDataCache(KbClient kbClient, KbProperties properties, MeterRegistry meters) {
        return new ReferenceDataCache(kbClient, properties.referenceRefresh(), meters);
    }
}
