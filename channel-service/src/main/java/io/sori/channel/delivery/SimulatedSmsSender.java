package io.sori.channel.delivery;

import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

/** The embedded default's SMS gateway: nothing leaves the machine; the message is recorded. */
public class SimulatedSmsSender implements SmsSender {

    private static final Logger log = LoggerFactory.getLogger(SimulatedSmsSender.class);
    private static final int KEEP = 1000;
    private final List<Sms> sent = new ArrayList<>();

    @Override
    public Mono<Void> send(Sms sms) {
        return Mono.fromRunnable(() -> {
            synchronized (sent) {
                if (sent.size() == KEEP) {
                    sent.remove(0);
                }
                sent.add(sms);
            }
            // the number is not logged: it is personal data
            log.info("simulated SMS {} ({} characters)", sms.smsId(), sms.text().length());
        });
    }

    public List<Sms> sent() {
        synchronized (sent) {
            return List.copyOf(sent);
        }
    }
}
