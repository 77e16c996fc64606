package io.sori.survey.redaction;

import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class RedactionConfiguration {

    @Bean
    @ConditionalOnMissingBean
    FreeTextRedactor freeTextRedactor() {
        return new DigitRunMasking();
    }
}
