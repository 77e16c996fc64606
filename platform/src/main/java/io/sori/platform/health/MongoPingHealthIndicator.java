package io.sori.platform.health;

import java.time.Duration;
import org.bson.Document;
import org.springframework.boot.health.contributor.AbstractReactiveHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import reactor.core.publisher.Mono;

/**
 * Readiness of the store by {@code ping}, which every MongoDB and every wire-compatible
 * server answers (Boot's own indicator sends {@code hello}, which not all do).
 */
public class MongoPingHealthIndicator extends AbstractReactiveHealthIndicator {

    private final ReactiveMongoTemplate mongo;

    public MongoPingHealthIndicator(ReactiveMongoTemplate mongo) {
        super("MongoDB ping failed");
        this.mongo = mongo;
    }

    @Override
    protected Mono<Health> doHealthCheck(Health.Builder builder) {
        return mongo.getMongoDatabase()
                .flatMap(db -> Mono.from(db.runCommand(new Document("ping", 1)))
                        .map(reply -> builder.up().withDetail("database", db.getName()).build()))
                .timeout(Duration.ofSeconds(3));
    }
}
