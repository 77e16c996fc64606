package io.sori.blocklist.protection;

import io.sori.platform.outbox.OutboxRelay;
import io.sori.platform.web.ProblemException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.BiPredicate;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

/**
 * The one way a customer's case changes: load it (or start it), apply a domain method, save it with
 * its version; on a conflict (two agents reporting the same customer at once) re-read and re-apply.
 */
@Component
class CaseWriter {

    private final ReactiveMongoTemplate mongo;
    private final Clock clock;
    private final ObjectProvider<OutboxRelay> relay;

    CaseWriter(ReactiveMongoTemplate mongo, Clock clock, ObjectProvider<OutboxRelay> relay) {
        this.mongo = mongo;
        this.clock = clock;
        this.relay = relay;
    }

    /** Changes the customer's case, starting one if there is none; {@code apply} returns false for "nothing to do". */
    Mono<CustomerCase> change(String customerId, BiPredicate<CustomerCase, Instant> apply) {
        return write(Mono.defer(() -> {
            Instant now = clock.instant();
            return mongo.findById(customerId, CustomerCase.class)
                    .defaultIfEmpty(new CustomerCase(customerId, now))
                    .flatMap(c -> apply.test(c, now) ? mongo.save(c) : Mono.just(c));
        }));
    }

    /** Changes the case that holds a block; 404 when no case does. */
    Mono<CustomerCase> changeBlock(String blockId, BiPredicate<CustomerCase, Instant> apply) {
        return write(Mono.defer(() -> {
            Instant now = clock.instant();
            return mongo.findOne(org.springframework.data.mongodb.core.query.Query.query(
                            org.springframework.data.mongodb.core.query.Criteria.where("blocks.blockId").is(blockId)),
                            CustomerCase.class)
                    .switchIfEmpty(Mono.error(() -> ProblemException.notFound("block", blockId)))
                    .flatMap(c -> apply.test(c, now) ? mongo.save(c) : Mono.just(c));
        }));
    }

    private Mono<CustomerCase> write(Mono<CustomerCase> attempt) {
        return attempt
                .retryWhen(Retry.backoff(5, Duration.ofMillis(10))
                        .filter(e -> e instanceof OptimisticLockingFailureException || e instanceof DuplicateKeyException)
                        .onRetryExhaustedThrow((spec, signal) -> signal.failure()))
                .doOnSuccess(saved -> relay.ifAvailable(OutboxRelay::wakeUp));
    }
}
