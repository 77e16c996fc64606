package io.sori.ticket.emergency;

import io.sori.events.EventEnvelope;
import io.sori.events.banking.EmergencyActionCompleted;
import io.sori.events.banking.EmergencyActionFailed;
import io.sori.platform.messaging.EventHandler;
import io.sori.ticket.ticket.TicketService;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import reactor.core.publisher.Mono;

/**
 * The core-banking system's answers to emergency actions update the ticket; a failure escalates
 * to a person at once.
 */
@Configuration(proxyBeanMethods = false)
class BankingAcknowledgements {

    @Bean
    EventHandler<EmergencyActionCompleted> emergencyActionCompleted(TicketService tickets) {
        return new EventHandler<>() {
            @Override
            public Class<EmergencyActionCompleted> eventType() {
                return EmergencyActionCompleted.class;
            }

            @Override
            public Mono<Void> handle(EventEnvelope<EmergencyActionCompleted> envelope) {
                return tickets.emergencyCompleted(envelope.payload(), envelope.correlationId());
            }
        };
    }

    @Bean
    EventHandler<EmergencyActionFailed> emergencyActionFailed(TicketService tickets) {
        return new EventHandler<>() {
            @Override
            public Class<EmergencyActionFailed> eventType() {
                return EmergencyActionFailed.class;
            }

            @Override
            public Mono<Void> handle(EventEnvelope<EmergencyActionFailed> envelope) {
                return tickets.emergencyFailed(envelope.payload(), envelope.correlationId());
            }
        };
    }
}
