package io.sori.ticket.quality;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(QualityConfiguration.LowSatisfactionSettings.class)
class QualityConfiguration {

    /** {@code sori.tickets.low-satisfaction.*}; see application.yml. */
    @ConfigurationProperties("sori.tickets.low-satisfaction")
    record LowSatisfactionSettings(Boolean reopenWhenUnresolved, Integer reopenAtMost) {
    }

    @Bean
    LowSatisfactionPolicy lowSatisfactionPolicy(LowSatisfactionSettings settings) {
        return new LowSatisfactionPolicy(settings.reopenWhenUnresolved() == null || settings.reopenWhenUnresolved(),
                settings.reopenAtMost() == null ? 2 : settings.reopenAtMost());
    }
}
