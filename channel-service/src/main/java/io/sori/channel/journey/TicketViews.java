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
import io.sori.events.ticket.TicketStage;
import io.sori.events.ticket.TicketStageChanged;
import java.util.Date;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Keeps the local ticket views. Every change is an upsert of plain values (set, add-to-set), so
 * applying an event twice leaves the same view.
 */
@Component
public class TicketViews {

    private final ReactiveMongoTemplate mongo;

    TicketViews(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    Mono<Void> apply(EventEnvelope<? extends TicketEvent> envelope) {
        TicketEvent event = envelope.payload();
        Update update = new Update().set("customerId", event.customerId())
                .set("updatedAt", Date.from(envelope.occurredAt()))
                .setOnInsert("createdAt", Date.from(envelope.occurredAt()));
        if (event instanceof TicketCreated e) {
            update.set("number", e.number()).set("channel", e.channel()).set("category", e.category())
                    .set("formalComplaint", e.formalComplaint())
                    .set("expectedResolutionAt", e.expectedResolutionAt())
                    .set("regulatoryDueAt", e.regulatoryDueAt())
                    .setOnInsert("stage", TicketStage.RECEIVED)
                    .addToSet("conversationIds").each(e.conversationIds().toArray());
        } else if (event instanceof TicketStageChanged e) {
            update.set("stage", e.to()).set("number", e.number()).set("channel", e.channel());
            if (e.expectedResolutionAt() != null) {
                update.set("expectedResolutionAt", e.expectedResolutionAt());
            }
        } else if (event instanceof ExpectedResolutionChanged e) {
            update.set("expectedResolutionAt", e.expectedResolutionAt());
        } else if (event instanceof ComplaintReceiptConfirmed e) {
            update.set("regulatoryDueAt", e.regulatoryDueAt());
        } else if (event instanceof RegulatoryDeadlineExtended e) {
            update.set("regulatoryDueAt", e.regulatoryDueAt());
        } else if (event instanceof TicketReplied e) {
            if (e.conversationId() != null) {
                update.addToSet("conversationIds", e.conversationId());
            }
        } else if (event instanceof TicketResolved) {
            update.set("stage", TicketStage.RESOLVED);
        } else if (event instanceof TicketClosed) {
            update.set("stage", TicketStage.CLOSED);
        } else {
            return Mono.empty();
        }
        return mongo.upsert(Query.query(Criteria.where("_id").is(event.ticketId())), update, TicketView.class).then();
    }

    public Mono<TicketView> find(String ticketId) {
        return mongo.findById(ticketId, TicketView.class);
    }

    /** The latest ticket a conversation belongs to, if ticket-service has told us about it yet. */
    public Mono<TicketView> ofConversation(String conversationId) {
        return mongo.find(Query.query(Criteria.where("conversationIds").is(conversationId))
                .with(Sort.by(Sort.Order.desc("createdAt"))).limit(1), TicketView.class).next();
    }

    public Flux<TicketView> ofCustomer(String customerId, int limit) {
        return mongo.find(Query.query(Criteria.where("customerId").is(customerId))
                .with(Sort.by(Sort.Order.desc("updatedAt"))).limit(limit), TicketView.class);
    }
}
