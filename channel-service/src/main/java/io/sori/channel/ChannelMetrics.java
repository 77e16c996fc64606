package io.sori.channel;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.sori.events.channel.Channel;
import java.util.Locale;
import org.springframework.stereotype.Component;

/**
 * channel-service's business metrics (Prometheus names in brackets):
 * <ul>
 * <li>{@code sori.interactions{channel,kind}} [sori_interactions_total] — every contact recorded;</li>
 * <li>{@code sori.bot.conversations{channel,outcome=contained|handed_off}} [sori_bot_conversations_total] —
 * chat and talk conversations when they close: settled by the bot alone, or handed to a person (the
 * dashboard's containment ratio);</li>
 * <li>{@code sori.deliveries{channel=push|email|sms|callback,outcome=delivered|retried|failed}}
 * [sori_deliveries_total];</li>
 * <li>{@code sori.blocked.attempts{channel}} [sori_blocked_attempts_total] — contacts refused because the
 * customer is blocked, and {@code sori.blocked.emergency{channel}} — blocked customers' emergency reports
 * let through.</li>
 * </ul>
 */
@Component
public class ChannelMetrics {

    private final MeterRegistry meters;

    public ChannelMetrics(MeterRegistry meters) {
        this.meters = meters;
    }

    public void interaction(Channel channel, String kind) {
        counter("sori.interactions", "Contacts recorded, by channel and kind", "channel", channel.name(),
                "kind", kind).increment();
    }

    public void conversationClosed(Channel channel, boolean handedOff) {
        counter("sori.bot.conversations", "Chat and talk conversations closed, by whether a person was needed",
                "channel", channel.name(), "outcome", handedOff ? "handed_off" : "contained").increment();
    }

    public void delivery(String recipient, String outcome) {
        counter("sori.deliveries", "Deliveries to customers, by recipient channel and outcome",
                "channel", recipient.toLowerCase(Locale.ROOT), "outcome", outcome).increment();
    }

    public void blockedAttempt(Channel channel) {
        counter("sori.blocked.attempts", "Contacts refused because the customer is blocked", "channel",
                channel.name()).increment();
    }

    public void blockedEmergency(Channel channel) {
        counter("sori.blocked.emergency", "Blocked customers' lost-card and fraud reports let through",
                "channel", channel.name()).increment();
    }

    private Counter counter(String name, String description, String... tags) {
        return Counter.builder(name).description(description).tags(tags).register(meters);
    }
}
