package io.sori.ticket.live;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The agent console's live feed, from {@code sori.tickets.live.*}.
 *
 * @param heartbeat      how often an idle stream gets a comment, so proxies and browsers keep it open
 * @param buffer         events held for one subscriber that reads slower than tickets change; past it the
 *                       subscriber is dropped and told to reconnect
 * @param maxSubscribers streams one instance serves at once; the next is a 503 with Retry-After
 */
@ConfigurationProperties("sori.tickets.live")
public record LiveSettings(Duration heartbeat, int buffer, int maxSubscribers) {

    public LiveSettings {
        heartbeat = heartbeat == null ? Duration.ofSeconds(15) : heartbeat;
        buffer = buffer <= 0 ? 256 : buffer;
        maxSubscribers = maxSubscribers <= 0 ? 2000 : maxSubscribers;
    }
}
