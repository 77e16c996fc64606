package io.sori.ticket.ticket;

import io.sori.events.ticket.TicketStage;
import java.util.Collection;
import org.springframework.data.mongodb.repository.ReactiveMongoRepository;
import reactor.core.publisher.Mono;

public interface TicketRepository extends ReactiveMongoRepository<Ticket, String> {

    Mono<Ticket> findFirstByConversationIdsAndStageNotIn(String conversationId, Collection<TicketStage> stages);
}
