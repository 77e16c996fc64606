package io.sori.channel.kb;

import io.sori.events.EventEnvelope;
import io.sori.events.kb.ReferenceDataUpdated;
import io.sori.platform.messaging.EventHandler;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * kb-service published new reference data: reload this instance's copy when the version is
 * newer than the one held. Idempotent by nature (a repeated event finds the version held).
 */
@Component
class ReferenceDataRefresh implements EventHandler<ReferenceDataUpdated> {

    private final ReferenceDataCache cache;

    ReferenceDataRefresh(ReferenceDataCache cache) {
        this.cache = cache;
    }

    @Override
    public Class<ReferenceDataUpdated> eventType() {
        return ReferenceDataUpdated.class;
    }

    @Override
    public Mono<Void> handle(EventEnvelope<ReferenceDataUpdated> envelope) {
        return cache.announced(envelope.payload().kind(), envelope.payload().version());
    }
}
