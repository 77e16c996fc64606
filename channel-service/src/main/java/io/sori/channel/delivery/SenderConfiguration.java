package io.sori.channel.delivery;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The outside world's gateways: SMTP for mail, and the embedded default's recorded push and SMS. */
@Configuration(proxyBeanMethods = false)
class SenderConfiguration {

    @Bean
    MailSender mailSender(SmtpSettings settings) {
        return new SmtpMailSender(settings);
    }

    @Bean
    RecordingPushSender pushSender() {
        return new RecordingPushSender();
    }

    @Bean
    SimulatedSmsSender smsSender() {
        return new SimulatedSmsSender();
    }
}
