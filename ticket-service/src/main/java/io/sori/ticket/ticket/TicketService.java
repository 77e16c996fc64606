package io.sori.ticket.ticket;

import io.micrometer.core.instrument.MeterRegistry;
import io.sori.events.channel.InteractionRecorded;
import io.sori.events.ticket.Priority;
import io.sori.events.ticket.TicketCreated;
import io.sori.events.ticket.TicketStage;
import io.sori.platform.outbox.OutboxMessage;
import io.sori.platform.outbox.OutboxRelay;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

/**
 * Opens tickets from contacts that need a person, and threads further messages of the
 * same conversation into the open ticket.
 */
@Service
public class TicketService {

    private static final Logger log = LoggerFactory.getLogger(TicketService.class);
    private static final List<TicketStage> FINISHED = List.of(TicketStage.RESOLVED, TicketStage.CLOSED);

    private final TicketRepository tickets;
    private final TicketNumbers numbers;
    private final Clock clock;
    private final ObjectProvider<OutboxRelay> relay;
    private final MeterRegistry meters;
    private final Duration firstResponse;
    private final Duration resolution;

    public TicketService(TicketRepository tickets, TicketNumbers numbers, Clock clock,
            ObjectProvider<OutboxRelay> relay, MeterRegistry meters,
            @Value("${sori.tickets.first-response:PT1H}") Duration firstResponse,
            @Value("${sori.tickets.resolution:P3D}") Duration resolution) {
        this.tickets = tickets;
        this.numbers = numbers;
        this.clock = clock;
        this.relay = relay;
        this.meters = meters;
        this.firstResponse = firstResponse;
        this.resolution = resolution;
    }

    /** The ticket this interaction opened or joined; empty when no person is needed. */
    public Mono<Ticket> intake(InteractionRecorded interaction, String correlationId) {
        if (!interaction.needsHuman()) {
            return Mono.empty();
        }
        return tickets.findFirstByConversationIdsAndStageNotIn(interaction.conversationId(), FINISHED)
                .flatMap(open -> join(open, interaction))
                .switchIfEmpty(Mono.defer(() -> open(interaction, correlationId)))
                .retryWhen(Retry.backoff(3, Duration.ofMillis(20))
                        .filter(OptimisticLockingFailureException.class::isInstance));
    }

    private Mono<Ticket> join(Ticket open, InteractionRecorded interaction) {
        if (open.interactionIds().contains(interaction.interactionId())) {
            return Mono.just(open); // redelivered: already joined
        }
        open.linkInteraction(interaction.conversationId(), interaction.interactionId());
        return tickets.save(open);
    }

    private Mono<Ticket> open(InteractionRecorded interaction, String correlationId) {
        Instant now = clock.instant();
        String category = interaction.categoryHint() == null ? "GENERAL" : interaction.categoryHint();
        return numbers.next().flatMap(number -> {
            Ticket ticket = new Ticket(UUID.randomUUID().toString(), number, interaction.customerId(),
                    interaction.channel(), category, Priority.NORMAL, "GENERAL", subjectOf(interaction),
                    interaction.text(), now.plus(firstResponse), now.plus(resolution), now);
            ticket.linkInteraction(interaction.conversationId(), interaction.interactionId());
            ticket.record(OutboxMessage.of(new TicketCreated(ticket.id(), number, ticket.customerId(),
                    ticket.channel(), category, ticket.priority(), ticket.skill(), ticket.subject(),
                    ticket.conversationIds(), interaction.formalComplaint(), ticket.firstResponseDueAt(),
                    ticket.resolutionDueAt(), null, ticket.expectedResolutionAt()), correlationId, now));
            return tickets.insert(ticket)
                    .doOnSuccess(created -> {
                        meters.counter("sori.tickets.created", "channel", String.valueOf(created.channel()),
                                "category", created.category(), "priority", created.priority().name()).increment();
                        relay.ifAvailable(OutboxRelay::wakeUp);
                        log.info("opened ticket {} for interaction {}", created.number(), interaction.interactionId());
                    })
                    // the interaction is already in a ticket: this delivery was a duplicate
                    .onErrorResume(DuplicateKeyException.class, duplicate -> Mono.empty());
        });
    }

    private static String subjectOf(InteractionRecorded interaction) {
        if (interaction.subject() != null && !interaction.subject().isBlank()) {
            return interaction.subject();
        }
        String text = interaction.text() == null ? "" : interaction.text().strip();
        return text.length() <= 40 ? text : text.substring(0, 40) + "…";
    }
}
