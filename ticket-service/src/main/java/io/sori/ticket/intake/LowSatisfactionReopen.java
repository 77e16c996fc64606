package io.sori.ticket.intake;

import io.sori.events.EventEnvelope;
import io.sori.events.survey.LowSatisfactionReported;
import io.sori.platform.messaging.EventHandler;
import io.sori.ticket.ticket.TicketService;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** A low survey score reopens the resolved ticket it rates. */
@Component
class LowSatisfactionReopen implements EventHandler<LowSatisfactionReported> {

    private final TicketService tickets;

    LowSatisfactionReopen(TicketService tickets) {
        this.tickets = tickets;
    }

    @Override
    public Class<LowSatisfactionReported> eventType() {
        return LowSatisfactionReported.class;
    }

    @Override
    public Mono<Void> handle(EventEnvelope<LowSatisfactionReported> envelope) {
        return tickets.lowSatisfaction(envelope.payload(), envelope.correlationId());
    }
}
