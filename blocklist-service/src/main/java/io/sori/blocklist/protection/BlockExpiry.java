package io.sori.blocklist.protection;

import io.sori.platform.schedule.Periodic;
import java.time.Duration;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Ends blocks whose time is up (CustomerUnblocked, reason EXPIRED) and refreshes the active-blocks
 * gauge. The application sweeps: TTL indexes are not for state that must be evented. Every instance
 * may sweep; each end is a versioned write of the case, so it happens once.
 */
@Component
class BlockExpiry extends Periodic {

    private final BlocklistService service;
    private final BlocklistMetrics metrics;

    BlockExpiry(BlocklistService service, BlocklistMetrics metrics, BlocklistSettings settings) {
        super("ending expired blocks", Duration.ofSeconds(1), settings.sweepInterval());
        this.service = service;
        this.metrics = metrics;
    }

    @Override
    protected Mono<?> pass() {
        return service.expireDue().then(service.countActive()).doOnNext(metrics::activeBlocks);
    }
}
