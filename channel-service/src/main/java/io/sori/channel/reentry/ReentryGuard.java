package io.sori.channel.reentry;

import io.sori.channel.ChannelMetrics;
import io.sori.channel.ChannelSettings;
import io.sori.events.channel.Channel;
import io.sori.platform.web.ProblemException;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Re-entry enforcement (재진입 차단): a blocked customer's new chat, talk or inquiry is refused with
 * 403 {@code customer-blocked}, naming until when and the emergency path — except a lost-card or
 * fraud report, which always goes through and is routed as urgent.
 */
@Component
public class ReentryGuard {

    private static final Logger log = LoggerFactory.getLogger(ReentryGuard.class);

    private final BlockStates blocks;
    private final ChannelSettings settings;
    private final ChannelMetrics metrics;

    ReentryGuard(BlockStates blocks, ChannelSettings settings, ChannelMetrics metrics) {
        this.blocks = blocks;
        this.settings = settings;
        this.metrics = metrics;
    }

    /**
     * What a customer may do now.
     *
     * @param emergency     CARD_LOSS or FRAUD when a blocked customer's contact is let through as an emergency
     *                      report; empty when the customer is not blocked
     */
    public record Admission(Optional<String> emergency) {

        static final Admission FREE = new Admission(Optional.empty());

        public boolean emergencyOfBlockedCustomer() {
            return emergency.isPresent();
        }
    }

    /** Admits the contact, or fails with the 403 problem. Redacted text is enough to judge it. */
    public Mono<Admission> admit(String customerId, Channel channel, String text, String categoryHint) {
        return blocks.activeBlock(customerId, channel)
                .map(block -> {
                    Optional<String> urgent = UrgentReport.categoryOf(text, categoryHint);
                    if (urgent.isPresent()) {
                        metrics.blockedEmergency(channel);
                        log.info("blocked customer's {} report on {} let through", urgent.get(), channel);
                        return new Admission(urgent);
                    }
                    metrics.blockedAttempt(channel);
                    throw refusal(block);
                })
                .defaultIfEmpty(Admission.FREE);
    }

    private ProblemException refusal(BlockView block) {
        return new ProblemException(HttpStatus.FORBIDDEN, "customer-blocked", "Customer blocked",
                BlockNotices.refused(block.until()) + " " + settings.emergencyPath())
                .with("blockedUntil", block.until())
                .with("emergencyPath", settings.emergencyPath())
                .with("emergencyPhone", settings.emergencyPhone());
    }
}
