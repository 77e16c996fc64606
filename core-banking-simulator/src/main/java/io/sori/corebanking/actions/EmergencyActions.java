package io.sori.corebanking.actions;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.sori.corebanking.simulation.ActionRecord;
import io.sori.corebanking.simulation.Answer;
import io.sori.corebanking.simulation.CustomerStanding;
import io.sori.corebanking.simulation.Decision;
import io.sori.corebanking.simulation.EmergencyDesk;
import io.sori.corebanking.simulation.Request;
import io.sori.platform.outbox.OutboxMessage;
import io.sori.platform.outbox.OutboxRelay;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

/**
 * Answers emergency actions: waits the simulated latency (a timer, no thread held), decides
 * by the {@link EmergencyDesk} rules on the customer's stored standing, and writes the new
 * standing together with the answer event in one conditional single-document write. A write
 * that lost a race with another one for the same customer or actionId is decided again on
 * what won, so one actionId never acts twice.
 */
@Service
class EmergencyActions {

    private static final Logger log = LoggerFactory.getLogger(EmergencyActions.class);
    private static final int MAX_ATTEMPTS = 5;

    private final ReactiveMongoTemplate mongo;
    private final BankReferences references;
    private final EmergencyDesk desk;
    private final Clock clock;
    private final Duration latency;
    private final ObjectProvider<OutboxRelay> relay;
    private final MeterRegistry meters;

    EmergencyActions(ReactiveMongoTemplate mongo, BankReferences references, EmergencyDesk desk, Clock clock,
            CoreBankingProperties properties, ObjectProvider<OutboxRelay> relay, MeterRegistry meters) {
        this.mongo = mongo;
        this.references = references;
        this.desk = desk;
        this.clock = clock;
        this.latency = properties.latency();
        this.relay = relay;
        this.meters = meters;
    }

    Mono<Answer> answer(Request request, String correlationId) {
        return Mono.delay(latency)
                .then(Mono.defer(() -> attempt(request, correlationId)))
                .retryWhen(Retry.backoff(MAX_ATTEMPTS, Duration.ofMillis(20)).filter(EmergencyActions::lostARace))
                .doOnNext(answer -> {
                    count(answer);
                    relay.ifAvailable(OutboxRelay::wakeUp);
                    logAnswer(request, answer);
                });
    }

    Mono<CustomerStanding> standing(String customerId) {
        return mongo.findById(customerId, CustomerDocument.class)
                .map(CustomerDocument::standing)
                .defaultIfEmpty(CustomerStanding.clean(customerId));
    }

    Mono<ActionRecord> action(String actionId) {
        return mongo.findOne(CustomerDocument.holdingAction(actionId), CustomerDocument.class)
                .flatMap(customer -> Mono.justOrEmpty(customer.standing().action(actionId)));
    }

    private Mono<Answer> attempt(Request request, String correlationId) {
        // where this actionId was answered before, if anywhere; else the request's customer
        return mongo.findOne(CustomerDocument.holdingAction(request.actionId()), CustomerDocument.class)
                .switchIfEmpty(Mono.defer(() -> mongo.findById(request.customerId(), CustomerDocument.class)))
                .map(Optional::of)
                .defaultIfEmpty(Optional.empty())
                .flatMap(stored -> {
                    // the store keeps milliseconds: answer with exactly the time a repeat will be answered with
                    Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
                    CustomerStanding standing = stored.map(CustomerDocument::standing)
                            .orElseGet(() -> CustomerStanding.clean(request.customerId()));
                    Decision decision = desk.decide(request, standing);
                    Mono<String> reference = decision instanceof Decision.Restrict restrict
                            ? references.next(restrict.action(), now)
                            : Mono.just("");
                    return reference.flatMap(ref -> {
                        Answer answer = desk.carryOut(decision, request, standing, ref, now);
                        OutboxMessage event = OutboxMessage.of(answer.action().answer(), correlationId, now);
                        return write(stored.orElse(null), answer.standing(), event, now).thenReturn(answer);
                    });
                });
    }

    /** Inserts a new customer, or changes a stored one only if nobody else changed it since it was read. */
    private Mono<Void> write(CustomerDocument stored, CustomerStanding next, OutboxMessage event, Instant now) {
        if (stored == null) {
            return mongo.insert(CustomerDocument.create(next, event, now)).then();
        }
        Query unchanged = Query.query(Criteria.where("_id").is(stored.id()).and("version").is(stored.version()));
        Update change = new Update()
                .set("accountFreeze", next.accountFreeze())
                .set("cardSuspension", next.cardSuspension())
                .set("actions", next.actions())
                .push("outbox", event)
                .set("updatedAt", now)
                .inc("version", 1);
        return mongo.updateFirst(unchanged, change, CustomerDocument.class)
                .flatMap(result -> result.getMatchedCount() == 1 ? Mono.<Void>empty()
                        : Mono.error(new OptimisticLockingFailureException(
                                "customer " + stored.id() + " changed while an emergency action was decided")));
    }

    private static boolean lostARace(Throwable error) {
        return error instanceof OptimisticLockingFailureException || error instanceof DuplicateKeyException;
    }

    private void count(Answer answer) {
        String action = answer.action().action() == null ? "UNKNOWN" : answer.action().action().name();
        Counter.builder("sori.core_banking.actions")
                .description("Emergency actions the simulated core answered, by action and outcome")
                .tag("action", action)
                .tag("outcome", answer.kind().name().toLowerCase(Locale.ROOT))
                .register(meters)
                .increment();
    }

    private static void logAnswer(Request request, Answer answer) {
        ActionRecord action = answer.action();
        switch (answer.kind()) {
            case COMPLETED -> log.info("{} for customer {} done: {} (action {}, ticket {})", action.action(),
                    action.customerId(), action.bankReference(), action.actionId(), action.ticketId());
            case ALREADY_IN_EFFECT -> log.info("{} for customer {} already in effect: {} (action {}, ticket {})",
                    action.action(), action.customerId(), action.bankReference(), action.actionId(),
                    action.ticketId());
            case FAILED -> log.warn("{} for customer {} failed: {} (action {}, ticket {})", action.action(),
                    action.customerId(), action.failureReason(), action.actionId(), action.ticketId());
            case REPEATED -> {
                if (action.sameRequestAs(request)) {
                    log.info("action {} requested again ({} times): answered as before", action.actionId(),
                            action.requests());
                } else {
                    log.warn("action {} requested again as {} for customer {}, but it was {} for customer {}: "
                                    + "answered as before, nothing done", action.actionId(), request.action(),
                            request.customerId(), action.action(), action.customerId());
                }
            }
        }
    }
}
