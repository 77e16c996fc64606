package io.sori.platform.messaging;

import java.time.Clock;
import java.time.Duration;
import java.util.Date;
import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import reactor.core.publisher.Mono;

/**
 * Which events this consumer group has already processed, kept for a retention period.
 * Expiry is swept by the application (a TTL index is declared too, but stores that speak
 * the wire protocol without expiring must behave the same).
 */
public class ProcessedEvents {

    static final String COLLECTION = "processed_events";

    private final ReactiveMongoTemplate mongo;
    private final Clock clock;
    private final Duration retention;

    public ProcessedEvents(ReactiveMongoTemplate mongo, Clock clock, Duration retention) {
        this.mongo = mongo;
        this.clock = clock;
        this.retention = retention;
    }

    public Mono<Void> createIndexes() {
        return mongo.indexOps(COLLECTION)
                .createIndex(new Index().on("expiresAt", Sort.Direction.ASC).expire(Duration.ZERO).named("expiry"))
                .then();
    }

    public Mono<Boolean> isProcessed(String group, String eventId) {
        return mongo.exists(Query.query(Criteria.where("_id").is(id(group, eventId))), COLLECTION);
    }

    public Mono<Void> markProcessed(String group, String eventId, String type) {
        Date now = Date.from(clock.instant());
        Document marker = new Document("_id", id(group, eventId)).append("group", group).append("eventId", eventId)
                .append("type", type).append("processedAt", now)
                .append("expiresAt", Date.from(clock.instant().plus(retention)));
        return mongo.insert(marker, COLLECTION).then()
                .onErrorResume(DuplicateKeyException.class, alreadyThere -> Mono.empty());
    }

    /** Removes markers past their retention; returns how many. */
    public Mono<Long> sweepExpired() {
        return mongo.remove(Query.query(Criteria.where("expiresAt").lt(Date.from(clock.instant()))), COLLECTION)
                .map(result -> result.getDeletedCount());
    }

    private static String id(String group, String eventId) {
        return group + ":" + eventId;
    }
}
