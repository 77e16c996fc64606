package io.sori.channel.delivery;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Picks up due retries, and deliveries a crashed instance left behind, every retry interval. */
@Component
class DeliveryRetries implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(DeliveryRetries.class);

    private final Deliveries deliveries;
    private final DeliverySettings settings;
    private volatile Disposable running;

    DeliveryRetries(Deliveries deliveries, DeliverySettings settings) {
        this.deliveries = deliveries;
        this.settings = settings;
    }

    @Override
    public void start() {
        running = Flux.interval(settings.retryInterval())
                // a slow pass skips ticks instead of ending the schedule
                .onBackpressureDrop()
                .concatMap(tick -> deliveries.retryDue().onErrorResume(e -> {
                    log.warn("retrying deliveries failed: {}", e.toString());
                    return Mono.empty();
                }))
                .subscribe(null, e -> log.error("schedule stopped", e));
    }

    @Override
    public void stop() {
        Disposable current = running;
        running = null;
        if (current != null) {
            current.dispose();
        }
    }

    @Override
    public boolean isRunning() {
        return running != null;
    }
}
