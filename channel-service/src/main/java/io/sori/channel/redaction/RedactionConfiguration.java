package io.sori.channel.redaction;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class RedactionConfiguration {

    @Bean
    PiiRedactor piiRedactor() {
        return new PiiRedactor();
    }
}
