package io.sori.survey.tickets;

import io.sori.events.EventEnvelope;
import io.sori.events.ticket.TicketAssigned;
import io.sori.events.ticket.TicketClosed;
import io.sori.events.ticket.TicketCreated;
import io.sori.events.ticket.TicketEvent;
import io.sori.events.ticket.TicketResolved;
import io.sori.platform.messaging.EventHandler;
import io.sori.survey.survey.SurveyIssuer;
import java.util.function.Function;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import reactor.core.publisher.Mono;

/**
 * The ticket events survey-service listens to: they keep {@link TicketFacts} current, and a
 * resolution issues the ticket's survey (once, however often the event comes).
 */
@Configuration(proxyBeanMethods = false)
class TicketEventHandlers {

    @Bean
    EventHandler<TicketCreated> ticketCreatedFacts(ReactiveMongoTemplate mongo) {
        return handler(TicketCreated.class, e -> upsert(mongo, e.ticketId(), new Update()
                .set("customerId", e.customerId())
                .set("channel", e.channel() == null ? null : e.channel().name())
                .set("category", e.category())
                .set("team", e.skill())).then());
    }

    @Bean
    EventHandler<TicketAssigned> ticketAssignedFacts(ReactiveMongoTemplate mongo) {
        return handler(TicketAssigned.class, e -> {
            Update update = new Update().set("customerId", e.customerId()).set("agent", e.assignee());
            if (e.skill() != null) {
                update.set("team", e.skill());
            }
            return upsert(mongo, e.ticketId(), update).then();
        });
    }

    @Bean
    EventHandler<TicketClosed> ticketClosedFacts(ReactiveMongoTemplate mongo) {
        return handler(TicketClosed.class, e -> upsert(mongo, e.ticketId(), new Update()
                .set("customerId", e.customerId()).set("closedAt", e.closedAt())).then());
    }

    /** The survey after a consultation: channel of origin, agent, category and team travel with it. */
    @Bean
    EventHandler<TicketResolved> surveyOnResolution(ReactiveMongoTemplate mongo, SurveyIssuer issuer) {
        return new EventHandler<>() {
            @Override
            public Class<TicketResolved> eventType() {
                return TicketResolved.class;
            }

            @Override
            public Mono<Void> handle(EventEnvelope<TicketResolved> envelope) {
                TicketResolved e = envelope.payload();
                Update update = new Update().set("customerId", e.customerId())
                        .set("channel", e.channel() == null ? null : e.channel().name())
                        .set("category", e.category())
                        .set("resolvedAt", e.resolvedAt());
                if (e.assignee() != null) {
                    update.set("agent", e.assignee());
                }
                return upsert(mongo, e.ticketId(), update)
                        .flatMap(facts -> issuer.issue(new SurveyIssuer.Subject(e.ticketId(), null, e.customerId(),
                                e.channel(), e.category(), facts.agent(), facts.team()), envelope.correlationId()))
                        .then();
            }
        };
    }

    private static Mono<TicketFacts> upsert(ReactiveMongoTemplate mongo, String ticketId, Update update) {
        return mongo.findAndModify(Query.query(Criteria.where("_id").is(ticketId)), update,
                FindAndModifyOptions.options().upsert(true).returnNew(true), TicketFacts.class);
    }

    private static <E extends TicketEvent> EventHandler<E> handler(Class<E> type, Function<E, Mono<Void>> apply) {
        return EventHandler.of(type, envelope -> apply.apply(envelope.payload()));
    }
}
