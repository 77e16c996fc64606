package io.sori.ticket.emergency;

import io.sori.events.banking.EmergencyActionCompleted;
import io.sori.events.banking.EmergencyActionFailed;
import io.sori.platform.messaging.EventHandler;
import io.sori.ticket.ticket.TicketService;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The core-banking system's answers to emergency actions update the ticket; a failure escalates
 * to a person at once.
 */
@Configuration(proxyBeanMethods = false)
class BankingAcknowledgements {

    @Bean
    EventHandler<EmergencyActionCompleted> emergencyActionCompleted(TicketService tickets) {
        return EventHandler.of(EmergencyActionCompleted.class,
                envelope -> tickets.emergencyCompleted(envelope.payload(), envelope.correlationId()));
    }

    @Bean
    EventHandler<EmergencyActionFailed> emergencyActionFailed(TicketService tickets) {
        return EventHandler.of(EmergencyActionFailed.class,
                envelope -> tickets.emergencyFailed(envelope.payload(), envelope.correlationId()));
    }
}
