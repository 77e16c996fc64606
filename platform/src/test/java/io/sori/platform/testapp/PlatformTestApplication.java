package io.sori.platform.testapp;

import io.sori.events.EventEnvelope;
import io.sori.events.ticket.TicketClosed;
import io.sori.platform.messaging.EventHandler;
import io.sori.platform.outbox.OutboxMessage;
import io.sori.platform.outbox.OutboxRelay;
import java.time.Clock;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import reactor.core.publisher.Mono;

/**
 * A minimal service built on the platform, as the real services are: it changes a
 * document together with its outbox, and consumes {@code TicketClosed} events.
 */
@SpringBootApplication
public class PlatformTestApplication {

    static final String CASES = "cases";
    static final String HANDLED = "handled";

    /** Closes a case: state and event in one single-document write. */
    @Bean
    CaseService caseService(ReactiveMongoTemplate mongo, Clock clock, ObjectProvider<OutboxRelay> relay) {
        return new CaseService(mongo, clock, relay);
    }

    /** Counts every TicketClosed it handles, per ticket; fails on purpose for ticket "poison". */
    @Bean
    EventHandler<TicketClosed> countingHandler(ReactiveMongoTemplate mongo) {
        return new EventHandler<>() {
            @Override
            public Class<TicketClosed> eventType() {
                return TicketClosed.class;
            }

            @Override
            public Mono<Void> handle(EventEnvelope<TicketClosed> envelope) {
                if ("poison".equals(envelope.payload().ticketId())) {
                    return Mono.error(new IllegalStateException("this ticket can never be handled"));
                }
                return mongo.upsert(Query.query(Criteria.where("_id").is(envelope.payload().ticketId())),
                        new Update().inc("count", 1), HANDLED).then();
            }
        };
    }

    /** A document as services map them with Spring Data: state plus its outbox. */
    @org.springframework.data.mongodb.core.mapping.Document(CASES)
    public record CaseDocument(@org.springframework.data.annotation.Id String id, String status,
            List<OutboxMessage> outbox) {
    }

    public record CaseService(ReactiveMongoTemplate mongo, Clock clock, ObjectProvider<OutboxRelay> relay) {

        public Mono<Void> close(String caseId, String customerId) {
            TicketClosed event = new TicketClosed(caseId, customerId, clock.instant());
            OutboxMessage message = OutboxMessage.of(event, "corr-" + caseId, clock.instant());
            return mongo.insert(new CaseDocument(caseId, "CLOSED", List.of(message)))
                    .then(Mono.fromRunnable(() -> relay.ifAvailable(OutboxRelay::wakeUp)));
        }

        /** As {@link #close}, but names the written document to the relay, as the services do. */
        public Mono<Void> closeNamed(String caseId, String customerId) {
            TicketClosed event = new TicketClosed(caseId, customerId, clock.instant());
            OutboxMessage message = OutboxMessage.of(event, "corr-" + caseId, clock.instant());
            return mongo.insert(new CaseDocument(caseId, "CLOSED", List.of(message)))
                    .then(Mono.fromRunnable(() -> relay.ifAvailable(r -> r.wakeUp(CASES, caseId))));
        }
    }
}
