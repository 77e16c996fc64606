package io.sori.channel;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.sori.channel.delivery.PushSender;
import io.sori.channel.delivery.RecordingPushSender;
import io.sori.channel.delivery.SmtpSettings;
import java.time.Duration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import reactor.core.publisher.Mono;

/**
 * The world outside channel-service, for the integration tests: a real SMTP server (GreenMail)
 * on a free port, and a push gateway that records pushes and cannot reach customers whose id
 * starts with {@value #UNREACHABLE} (to watch retries and failures). Picked up by the service's
 * component scan, so every test class shares one context.
 */
@Configuration(proxyBeanMethods = false)
public class OutsideWorld {

    public static final String UNREACHABLE = "cust-unreachable-";

    @Bean(destroyMethod = "stop")
    GreenMail greenMail() {
        GreenMail mail = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
        mail.start();
        return mail;
    }

    @Bean
    @Primary
    SmtpSettings greenMailSmtp(GreenMail greenMail) {
        return new SmtpSettings(true, "127.0.0.1", greenMail.getSmtp().getPort(), null, null,
                "소리뱅크 고객센터 <help@soribank.example>", false, Duration.ofSeconds(5));
    }

    /** Records like the embedded default, and fails for unreachable customers. */
    public static class TestPushGateway extends RecordingPushSender {
        @Override
        public Mono<Void> push(Push push) {
            if (push.customerId().startsWith(UNREACHABLE)) {
                return Mono.error(new IllegalStateException("push gateway: device not registered"));
            }
            return super.push(push);
        }
    }

    @Bean
    @Primary
    TestPushGateway testPushGateway() {
        return new TestPushGateway();
    }
}
