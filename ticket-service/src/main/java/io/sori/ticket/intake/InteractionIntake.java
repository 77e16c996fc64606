package io.sori.ticket.intake;

import io.sori.events.EventEnvelope;
import io.sori.events.channel.InteractionRecorded;
import io.sori.platform.messaging.EventHandler;
import io.sori.ticket.ticket.TicketService;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** Every channel's interactions: those that need a person become or join a ticket. */
@Component
class InteractionIntake implements EventHandler<InteractionRecorded> {

    private final TicketService tickets;

    InteractionIntake(TicketService tickets) {
        this.tickets = tickets;
    }

    @Override
    public Class<InteractionRecorded> eventType() {
        return InteractionRecorded.class;
    }

    @Override
    public Mono<Void> handle(EventEnvelope<InteractionRecorded> envelope) {
        return tickets.intake(envelope.payload(), envelope.correlationId()).then();
    }
}
