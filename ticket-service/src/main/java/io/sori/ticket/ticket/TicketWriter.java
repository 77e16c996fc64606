package io.sori.ticket.ticket;

import io.sori.platform.outbox.OutboxRelay;
import io.sori.platform.web.ProblemException;
import io.sori.ticket.lifecycle.IllegalTransitionException;
import java.time.Clock;
import java.time.Duration;
import java.util.function.BiPredicate;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

/**
 * The one way a ticket changes: load it, apply a domain method, save it with its version. A
 * client that names the version it saw gets a 409 when someone changed the ticket meanwhile;
 * the service's own work (handlers, schedulers) re-reads and re-applies instead.
 */
@Component
public class TicketWriter {

    private final TicketRepository tickets;
    private final Clock clock;
    private final ObjectProvider<OutboxRelay> relay;

    TicketWriter(TicketRepository tickets, Clock clock, ObjectProvider<OutboxRelay> relay) {
        this.tickets = tickets;
        this.clock = clock;
        this.relay = relay;
    }

    /**
     * @param expectedVersion the version the client saw, or null for the service's own changes
     * @param apply           changes the ticket; returns false when there was nothing to change
     */
    public Mono<Ticket> update(String id, Long expectedVersion, String actor, String correlationId,
            BiPredicate<Ticket, Change> apply) {
        Mono<Ticket> attempt = Mono.defer(() -> tickets.findById(id)
                .switchIfEmpty(Mono.error(() -> ProblemException.notFound("ticket", id)))
                .flatMap(ticket -> {
                    if (expectedVersion != null && !expectedVersion.equals(ticket.version())) {
                        return Mono.error(new OptimisticLockingFailureException(
                                "ticket " + id + " is at version " + ticket.version() + ", not " + expectedVersion));
                    }
                    Change change = new Change(actor, correlationId, clock.instant());
                    return apply.test(ticket, change) ? tickets.save(ticket) : Mono.just(ticket);
                }));
        if (expectedVersion == null) {
            attempt = attempt.retryWhen(Retry.backoff(5, Duration.ofMillis(10))
                    .filter(OptimisticLockingFailureException.class::isInstance)
                    .onRetryExhaustedThrow((spec, signal) -> signal.failure()));
        }
        return attempt
                .onErrorMap(IllegalTransitionException.class, e -> ProblemException.conflict("illegal-transition",
                                e.getMessage())
                        .with("from", e.from()).with("to", e.to())
                        .with("allowed", e.allowed().stream().map(Enum::name).sorted().toList()))
                .doOnSuccess(this::wakeRelay);
    }

    public Mono<Ticket> insert(Ticket ticket) {
        return tickets.insert(ticket).doOnSuccess(this::wakeRelay);
    }

    private void wakeRelay(Ticket saved) {
        if (saved != null) {
            relay.ifAvailable(r -> r.wakeUp(Ticket.COLLECTION, saved.id()));
        }
    }
}
