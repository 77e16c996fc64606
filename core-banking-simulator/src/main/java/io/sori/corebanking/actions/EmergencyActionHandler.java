package io.sori.corebanking.actions;

import io.sori.corebanking.simulation.Request;
import io.sori.events.EventEnvelope;
import io.sori.events.MalformedEventException;
import io.sori.events.banking.EmergencyActionRequested;
import io.sori.platform.messaging.EventHandler;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Takes Sori's emergency actions off {@code sori.banking.commands.v1}. One without an actionId
 * or a customer cannot be answered; it goes straight to the dead-letter topic.
 */
@Component
class EmergencyActionHandler implements EventHandler<EmergencyActionRequested> {

    private final EmergencyActions actions;

    EmergencyActionHandler(EmergencyActions actions) {
        this.actions = actions;
    }

    @Override
    public Class<EmergencyActionRequested> eventType() {
        return EmergencyActionRequested.class;
    }

    @Override
    public Mono<Void> handle(EventEnvelope<EmergencyActionRequested> envelope) {
        Request request;
        try {
            request = Request.of(envelope.payload());
        } catch (IllegalArgumentException e) {
            return Mono.error(new MalformedEventException("event " + envelope.eventId() + ": " + e.getMessage()));
        }
        return actions.answer(request, envelope.correlationId()).then();
    }
}
