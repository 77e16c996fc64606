package io.sori.channel.delivery;

import io.sori.platform.schedule.Periodic;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** Picks up due retries, and deliveries a crashed instance left behind, every retry interval. */
@Component
class DeliveryRetries extends Periodic {

    private final Deliveries deliveries;

    DeliveryRetries(Deliveries deliveries, DeliverySettings settings) {
        super("retrying deliveries", settings.retryInterval(), settings.retryInterval());
        this.deliveries = deliveries;
    }

    @Override
    protected Mono<?> pass() {
        return deliveries.retryDue();
    }
}
