package io.sori.ticket.intake;

import io.sori.events.EventEnvelope;
import io.sori.events.survey.LowSatisfactionReported;
import io.sori.platform.messaging.EventHandler;
import io.sori.ticket.quality.LowSatisfactionPolicy;
import io.sori.ticket.ticket.TicketService;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** A low survey score flags the ticket it rates for quality review, and reopens it when the policy says so. */
@Component
class LowSatisfactionReopen implements EventHandler<LowSatisfactionReported> {

    private final TicketService tickets;
    private final LowSatisfactionPolicy policy;

    LowSatisfactionReopen(TicketService tickets, LowSatisfactionPolicy policy) {
        this.tickets = tickets;
        this.policy = policy;
    }

    @Override
    public Class<LowSatisfactionReported> eventType() {
        return LowSatisfactionReported.class;
    }

    @Override
    public Mono<Void> handle(EventEnvelope<LowSatisfactionReported> envelope) {
        LowSatisfactionReported report = envelope.payload();
        if (report.ticketId() == null) {
            return Mono.empty(); // a relationship survey's score: nothing to review on a ticket
        }
        return tickets.lowSatisfaction(report, policy.reopens(report.overall(), report.resolved()),
                envelope.correlationId());
    }
}
