package io.sori.corebanking.actions;

import io.sori.corebanking.simulation.BankReference;
import io.sori.events.banking.EmergencyAction;
import java.time.Instant;
import java.time.LocalDate;
import org.bson.Document;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Numbers restrictions per kind and Seoul day ({@code FRZ-20261124-000123}). A number taken
 * by a write that then lost a race is skipped: references are unique, not gapless.
 */
@Component
class BankReferences {

    static final String COLLECTION = "counters";

    private final ReactiveMongoTemplate mongo;

    BankReferences(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    Mono<String> next(EmergencyAction action, Instant now) {
        String series = BankReference.series(action, LocalDate.ofInstant(now, BankReference.SEOUL));
        return mongo.findAndModify(Query.query(Criteria.where("_id").is(series)), new Update().inc("seq", 1),
                        FindAndModifyOptions.options().upsert(true).returnNew(true), Document.class, COLLECTION)
                .map(counter -> BankReference.of(series, counter.get("seq", Number.class).longValue()));
    }
}
