package io.sori.channel.delivery;

import io.sori.channel.journey.TicketView;
import io.sori.channel.journey.TicketViews;
import io.sori.events.EventEnvelope;
import io.sori.events.SoriEvent;
import io.sori.events.channel.Channel;
import io.sori.events.survey.SurveyIssued;
import io.sori.events.ticket.ComplaintReceiptConfirmed;
import io.sori.events.ticket.ExpectedResolutionChanged;
import io.sori.events.ticket.RegulatoryDeadlineExtended;
import io.sori.events.ticket.TicketEmergencyActionUpdated;
import io.sori.events.ticket.TicketReplied;
import io.sori.events.ticket.TicketStageChanged;
import io.sori.platform.messaging.EventHandler;
import java.util.Optional;
import java.util.function.BiFunction;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import reactor.core.publisher.Mono;

/**
 * What the customer is told, from the ticket and survey events: agents' replies, stage changes
 * (k/4 with the Korean label and the expected time), a moved expected-resolution time, a formal
 * complaint's receipt, an emergency action's notice, a regulatory extension's notice, and the
 * survey invitation. Runs after the ticket views of the same event (they know the ticket number
 * and its conversations).
 */
@Configuration(proxyBeanMethods = false)
class DeliveryHandlers {

    static final int ORDER = 10;

    @Bean
    EventHandler<TicketReplied> deliverReply(Deliveries deliveries, TicketViews tickets) {
        return handler(TicketReplied.class, deliveries, tickets, (e, view) -> Optional.of(new Target(e.customerId(),
                e.channel(), e.conversationId() != null ? e.conversationId() : lastConversation(view), e.ticketId(),
                CustomerTexts.reply(number(view), e.text()))));
    }

    @Bean
    EventHandler<TicketStageChanged> deliverStageChange(Deliveries deliveries, TicketViews tickets) {
        return handler(TicketStageChanged.class, deliveries, tickets, (e, view) -> CustomerTexts
                .stageChanged(e, e.number()).map(text -> new Target(e.customerId(), e.channel(),
                        lastConversation(view), e.ticketId(), text)));
    }

    @Bean
    EventHandler<ExpectedResolutionChanged> deliverExpectedResolution(Deliveries deliveries, TicketViews tickets) {
        return handler(ExpectedResolutionChanged.class, deliveries, tickets, (e, view) -> Optional.of(new Target(
                e.customerId(), e.channel(), lastConversation(view), e.ticketId(),
                CustomerTexts.expectedResolutionChanged(e, e.number()))));
    }

    @Bean
    EventHandler<ComplaintReceiptConfirmed> deliverComplaintReceipt(Deliveries deliveries, TicketViews tickets) {
        return handler(ComplaintReceiptConfirmed.class, deliveries, tickets, (e, view) -> Optional.of(new Target(
                e.customerId(), e.channel(), lastConversation(view), e.ticketId(), CustomerTexts.complaintReceived(e))));
    }

    @Bean
    EventHandler<TicketEmergencyActionUpdated> deliverEmergencyNotice(Deliveries deliveries, TicketViews tickets) {
        return handler(TicketEmergencyActionUpdated.class, deliveries, tickets, (e, view) -> CustomerTexts
                .emergencyAction(e).map(text -> new Target(e.customerId(), e.channel(), lastConversation(view),
                        e.ticketId(), text)));
    }

    @Bean
    EventHandler<RegulatoryDeadlineExtended> deliverDeadlineExtension(Deliveries deliveries, TicketViews tickets) {
        return handler(RegulatoryDeadlineExtended.class, deliveries, tickets, (e, view) -> Optional.of(new Target(
                e.customerId(), e.channel(), lastConversation(view), e.ticketId(), CustomerTexts.deadlineExtended(e))));
    }

    @Bean
    EventHandler<SurveyIssued> deliverSurvey(Deliveries deliveries, TicketViews tickets, DeliverySettings settings) {
        return new OrderedHandler<>(SurveyIssued.class, envelope -> {
            SurveyIssued e = envelope.payload();
            Mono<Optional<TicketView>> view = e.ticketId() == null ? Mono.just(Optional.empty())
                    : tickets.find(e.ticketId()).map(Optional::of).defaultIfEmpty(Optional.empty());
            return view.flatMap(v -> deliveries.deliver(new Deliveries.Plan(envelope.eventId().toString(),
                    envelope.type(), e.customerId(), e.channel(), lastConversation(v.orElse(null)), e.ticketId(),
                    envelope.correlationId(), CustomerTexts.survey(e, number(v.orElse(null)),
                            settings.surveyLinkBase()))));
        });
    }

    /** Who is told what, about which ticket, in which conversation. */
    private record Target(String customerId, Channel channel, String conversationId, String ticketId,
            CustomerTexts.Text text) {
    }


    private static <E extends io.sori.events.ticket.TicketEvent> EventHandler<E> handler(Class<E> type,
            Deliveries deliveries, TicketViews tickets, BiFunction<E, TicketView, Optional<Target>> target) {
        return new OrderedHandler<>(type, envelope -> tickets.find(envelope.payload().ticketId())
                .map(Optional::of).defaultIfEmpty(Optional.empty())
                .flatMap(view -> target.apply(envelope.payload(), view.orElse(null))
                        .map(t -> deliveries.deliver(new Deliveries.Plan(envelope.eventId().toString(),
                                envelope.type(), t.customerId(), t.channel(), t.conversationId(), t.ticketId(),
                                envelope.correlationId(), t.text())))
                        .orElse(Mono.empty())));
    }

    private static String lastConversation(TicketView view) {
        return view == null || view.conversationIds().isEmpty() ? null
                : view.conversationIds().get(view.conversationIds().size() - 1);
    }

    private static String number(TicketView view) {
        return view == null ? null : view.number();
    }

    private record OrderedHandler<E extends SoriEvent>(Class<E> eventType,
            java.util.function.Function<EventEnvelope<E>, Mono<Void>> body) implements EventHandler<E>, Ordered {

        @Override
        public Mono<Void> handle(EventEnvelope<E> envelope) {
            return body.apply(envelope);
        }

        @Override
        public int getOrder() {
            return ORDER;
        }
    }
}
