package io.sori.blocklist.protection;

import io.sori.events.EventEnvelope;
import io.sori.events.channel.InteractionRecorded;
import io.sori.platform.messaging.EventHandler;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** Reads every chat and talk message the channel records; a detection warns the customer there. */
@Component
class Screening implements EventHandler<InteractionRecorded> {

    private final BlocklistService service;

    Screening(BlocklistService service) {
        this.service = service;
    }

    @Override
    public Class<InteractionRecorded> eventType() {
        return InteractionRecorded.class;
    }

    @Override
    public Mono<Void> handle(EventEnvelope<InteractionRecorded> envelope) {
        return service.screen(envelope.payload(), envelope.correlationId());
    }
}
