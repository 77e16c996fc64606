package io.sori.channel;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.sori.channel.delivery.RecordingPushSender;
import io.sori.channel.delivery.SimulatedSmsSender;
import io.sori.channel.delivery.SmsSender;
import io.sori.channel.delivery.SmtpSettings;
import java.time.Duration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import reactor.core.publisher.Mono;

/**
 * The world outside channel-service, for the integration tests: a real SMTP server (GreenMail)
 * on a free port, a push gateway that records pushes and cannot reach customers whose id starts
 * with {@value #UNREACHABLE} (to watch retries and failures), and an SMS gateway that records.
 * One of each per test JVM, shared by every application context of the module's tests: whichever
 * context delivers a message, the tests find it here. Picked up by the service's component scan.
 */
@Configuration(proxyBeanMethods = false)
public class OutsideWorld {

    public static final String UNREACHABLE = "cust-unreachable-";

    private static final GreenMail MAIL = startMail();
    private static final TestPushGateway PUSH = new TestPushGateway();
    private static final SimulatedSmsSender SMS = new SimulatedSmsSender();

    private static GreenMail startMail() {
        GreenMail mail = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
        mail.start();
        Runtime.getRuntime().addShutdownHook(new Thread(mail::stop, "greenmail-stop"));
        return mail;
    }

    @Bean
    GreenMail greenMail() {
        return MAIL;
    }

    @Bean
    @Primary
    SmtpSettings greenMailSmtp() {
        return new SmtpSettings(true, "127.0.0.1", MAIL.getSmtp().getPort(), null, null,
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
        return PUSH;
    }

    @Bean
    @Primary
    SmsSender testSmsGateway() {
        return SMS;
    }

    /** What the SMS gateway was asked to send, from any context. */
    public static SimulatedSmsSender sms() {
        return SMS;
    }

}
