package io.sori.ticket.ticket;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import org.bson.Document;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Human-readable ticket numbers the customer can quote on the phone: {@code SR-20261124-000042},
 * counted per Seoul calendar day. A number taken by a write that then failed is simply
 * skipped; numbers are unique, not gapless.
 */
@Component
public class TicketNumbers {

    private static final ZoneId SEOUL = ZoneId.of("Asia/Seoul");
    private static final DateTimeFormatter DAY = DateTimeFormatter.BASIC_ISO_DATE;

    private final ReactiveMongoTemplate mongo;
    private final Clock clock;

    public TicketNumbers(ReactiveMongoTemplate mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
    }

    public Mono<String> next() {
        String day = LocalDate.now(clock.withZone(SEOUL)).format(DAY);
        return mongo.findAndModify(Query.query(Criteria.where("_id").is("ticket-" + day)), new Update().inc("seq", 1),
                        FindAndModifyOptions.options().upsert(true).returnNew(true), Document.class, "counters")
                .map(counter -> "SR-%s-%06d".formatted(day, counter.get("seq", Number.class).longValue()));
    }
}
