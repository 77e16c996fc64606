package io.sori.channel.journey;

import io.sori.events.EventEnvelope;
import io.sori.events.ticket.ComplaintReceiptConfirmed;
import io.sori.events.ticket.ExpectedResolutionChanged;
import io.sori.events.ticket.RegulatoryDeadlineExtended;
import io.sori.events.ticket.TicketClosed;
import io.sori.events.ticket.TicketCreated;
import io.sori.events.ticket.TicketEvent;
import io.sori.events.ticket.TicketReplied;
import io.sori.events.ticket.TicketResolved;
import io.sori.events.ticket.TicketStageChanged;
import io.sori.platform.messaging.EventHandler;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import reactor.core.publisher.Mono;

/**
 * Subscribes the ticket views to {@code sori.tickets.v1}. They run before the delivery handlers
 * of the same event ({@link #ORDER}), so a text to the customer can name the ticket's number.
 */
@Configuration(proxyBeanMethods = false)
class TicketViewHandlers {

    static final int ORDER = 0;

    @Bean
    EventHandler<TicketCreated> ticketCreatedView(TicketViews views) {
        return handler(TicketCreated.class, views);
    }

    @Bean
    EventHandler<TicketStageChanged> ticketStageChangedView(TicketViews views) {
        return handler(TicketStageChanged.class, views);
    }

    @Bean
    EventHandler<ExpectedResolutionChanged> expectedResolutionChangedView(TicketViews views) {
        return handler(ExpectedResolutionChanged.class, views);
    }

    @Bean
    EventHandler<ComplaintReceiptConfirmed> complaintReceiptConfirmedView(TicketViews views) {
        return handler(ComplaintReceiptConfirmed.class, views);
    }

    @Bean
    EventHandler<RegulatoryDeadlineExtended> regulatoryDeadlineExtendedView(TicketViews views) {
        return handler(RegulatoryDeadlineExtended.class, views);
    }

    @Bean
    EventHandler<TicketReplied> ticketRepliedView(TicketViews views) {
        return handler(TicketReplied.class, views);
    }

    @Bean
    EventHandler<TicketResolved> ticketResolvedView(TicketViews views) {
        return handler(TicketResolved.class, views);
    }

    @Bean
    EventHandler<TicketClosed> ticketClosedView(TicketViews views) {
        return handler(TicketClosed.class, views);
    }

    private static <E extends TicketEvent> EventHandler<E> handler(Class<E> type, TicketViews views) {
        return new ViewHandler<>(type, views);
    }

    private record ViewHandler<E extends TicketEvent>(Class<E> eventType, TicketViews views)
            implements EventHandler<E>, Ordered {

        @Override
        public Mono<Void> handle(EventEnvelope<E> envelope) {
            return views.apply(envelope);
        }

        @Override
        public int getOrder() {
            return ORDER;
        }
    }
}
