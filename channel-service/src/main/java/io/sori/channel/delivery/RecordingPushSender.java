package io.sori.channel.delivery;

import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

/**
 * The embedded default's push gateway: the message is in the conversation already (the app
 * reads it from there); this records that a push went out and keeps the latest ones.
 */
public class RecordingPushSender implements PushSender {

    private static final Logger log = LoggerFactory.getLogger(RecordingPushSender.class);
    private static final int KEEP = 1000;
    private final List<Push> recent = new ArrayList<>();

    @Override
    public Mono<Void> push(Push push) {
        return Mono.fromRunnable(() -> {
            synchronized (recent) {
                if (recent.size() == KEEP) {
                    recent.remove(0);
                }
                recent.add(push);
            }
            log.info("push {} to customer {} on {} (conversation {})", push.pushId(), push.customerId(),
                    push.channel(), push.conversationId());
        });
    }

    /** The latest pushes, oldest first. */
    public List<Push> recent() {
        synchronized (recent) {
            return List.copyOf(recent);
        }
    }
}
