package io.sori.platform.outbox;

import io.sori.events.TraceParent;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * Publishes what the outboxes hold, at least once and in order per document: it leases a
 * document (so two instances never publish the same document at once), sends its events
 * with {@code acks=all} on the idempotent producer, and only then removes them. A crash
 * anywhere before the removal means the events are sent again later — consumers dedupe by
 * {@code eventId}. Runs on its own thread; woken at once after a write, and polls as a
 * safety net.
 */
public class OutboxRelay implements SmartLifecycle {

    public static final String OUTBOX_FIELD = "outbox";
    static final String LEASE_UNTIL = "outboxLeaseUntil";
    static final String LEASE_OWNER = "outboxLeaseOwner";

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);
    /** The pending gauge is a count query per collection: fresh enough for a dashboard, not per write. */
    private static final Duration GAUGE_REFRESH = Duration.ofSeconds(5);

    private final ReactiveMongoTemplate mongo;
    private final KafkaTemplate<String, String> kafka;
    private final OutboxProperties properties;
    private final Clock clock;
    private final String owner = UUID.randomUUID().toString();
    private final AtomicBoolean passQueued = new AtomicBoolean();
    private final AtomicLong pending = new AtomicLong();
    private final Counter published;
    private final Counter failures;
    private volatile ScheduledExecutorService executor;
    private volatile Duration backoff = Duration.ZERO;
    private volatile Instant pausedUntil = Instant.MIN;
    private volatile Instant gaugeRefreshedAt = Instant.MIN;

    public OutboxRelay(ReactiveMongoTemplate mongo, KafkaTemplate<String, String> kafka, OutboxProperties properties,
            Clock clock, MeterRegistry meters) {
        this.mongo = mongo;
        this.kafka = kafka;
        this.properties = properties;
        this.clock = clock;
        this.published = Counter.builder("sori.outbox.published").description("Events published from outboxes")
                .register(meters);
        this.failures = Counter.builder("sori.outbox.publish.failures")
                .description("Outbox publish attempts that failed and will be retried").register(meters);
        Gauge.builder("sori.outbox.pending", pending, AtomicLong::get)
                .description("Documents whose outbox still holds unpublished events").register(meters);
    }

    /** Asks for a pass soon; cheap, and coalesced when a pass is already queued. */
    public void wakeUp() {
        ScheduledExecutorService running = executor;
        if (running != null && passQueued.compareAndSet(false, true)) {
            running.execute(this::pass);
        }
    }

    /** One pass over every outbox collection; returns how many events were published. */
    public int publishPending() {
        int sent = 0;
        for (String collection : properties.collections()) {
            sent += publishCollection(collection);
        }
        refreshPendingGauge();
        return sent;
    }

    private void pass() {
        passQueued.set(false);
        if (clock.instant().isBefore(pausedUntil)) {
            return;
        }
        try {
            publishPending();
            backoff = Duration.ZERO;
        } catch (RuntimeException e) {
            failures.increment();
            backoff = backoff.isZero() ? Duration.ofMillis(500) : min(backoff.multipliedBy(2), properties.maxBackoff());
            pausedUntil = clock.instant().plus(backoff);
            log.warn("outbox relay paused for {} after: {}", backoff, e.toString());
        }
    }

    private int publishCollection(String collection) {
        int sent = 0;
        for (int i = 0; i < properties.batchSize(); i++) {
            Document claimed = claimNext(collection);
            if (claimed == null) {
                break;
            }
            sent += publishDocument(collection, claimed);
        }
        return sent;
    }

    private Document claimNext(String collection) {
        Instant now = clock.instant();
        Query claimable = Query.query(new Criteria().andOperator(
                Criteria.where(OUTBOX_FIELD + ".eventId").exists(true),
                new Criteria().orOperator(Criteria.where(LEASE_UNTIL).exists(false),
                        Criteria.where(LEASE_UNTIL).lt(Date.from(now)))));
        Update lease = new Update().set(LEASE_UNTIL, Date.from(now.plus(properties.lease())))
                .set(LEASE_OWNER, owner);
        return mongo.findAndModify(claimable, lease, FindAndModifyOptions.options().returnNew(true), Document.class,
                collection).block(properties.sendTimeout());
    }

    private int publishDocument(String collection, Document document) {
        Object id = document.get("_id");
        List<Document> messages = document.getList(OUTBOX_FIELD, Document.class, List.of());
        List<CompletableFuture<?>> acks = new ArrayList<>();
        List<String> sentIds = new ArrayList<>();
        try {
            for (Document message : messages) {
                ProducerRecord<String, String> record = new ProducerRecord<>(message.getString("topic"),
                        message.getString("key"), message.getString("envelope"));
                record.headers().add("sori-event-id", message.getString("eventId").getBytes(StandardCharsets.UTF_8));
                record.headers().add("sori-event-type", message.getString("type").getBytes(StandardCharsets.UTF_8));
                String traceparent = message.getString("traceparent");
                if (traceparent != null) {
                    record.headers().add(TraceParent.HEADER, traceparent.getBytes(StandardCharsets.UTF_8));
                }
                acks.add(kafka.send(record));
                sentIds.add(message.getString("eventId"));
            }
            CompletableFuture.allOf(acks.toArray(CompletableFuture[]::new))
                    .get(properties.sendTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            release(collection, id);
            throw new IllegalStateException("could not publish outbox of " + collection + "/" + id, e);
        }
        // Only now are they safe on the broker: remove exactly those, keep any added meanwhile.
        Update done = new Update().pull(OUTBOX_FIELD, Query.query(Criteria.where("eventId").in(sentIds)))
                .unset(LEASE_UNTIL).unset(LEASE_OWNER);
        mongo.updateFirst(Query.query(Criteria.where("_id").is(id)), done, collection).block(properties.sendTimeout());
        published.increment(sentIds.size());
        return sentIds.size();
    }

    private void release(String collection, Object id) {
        try {
            mongo.updateFirst(Query.query(Criteria.where("_id").is(id).and(LEASE_OWNER).is(owner)),
                    new Update().unset(LEASE_UNTIL).unset(LEASE_OWNER), collection).block(properties.sendTimeout());
        } catch (RuntimeException e) {
            log.debug("lease on {}/{} left to expire: {}", collection, id, e.toString());
        }
    }

    private void refreshPendingGauge() {
        Instant now = clock.instant();
        if (now.isBefore(gaugeRefreshedAt.plus(GAUGE_REFRESH))) {
            return;
        }
        gaugeRefreshedAt = now;
        long count = 0;
        for (String collection : properties.collections()) {
            Long inCollection = mongo.count(Query.query(Criteria.where(OUTBOX_FIELD + ".eventId").exists(true)),
                    collection).block(properties.sendTimeout());
            count += inCollection == null ? 0 : inCollection;
        }
        pending.set(count);
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    @Override
    public void start() {
        for (String collection : properties.collections()) {
            // sparse: only documents that hold pending events are in it, so the relay's query stays cheap
            mongo.indexOps(collection).createIndex(new Index().on(OUTBOX_FIELD + ".eventId",
                    org.springframework.data.domain.Sort.Direction.ASC).sparse().named("outbox_pending"))
                    .onErrorResume(e -> {
                        log.warn("could not create the outbox index on {}: {}", collection, e.toString());
                        return reactor.core.publisher.Mono.empty();
                    }).block(Duration.ofSeconds(30));
        }
        ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "outbox-relay");
            thread.setDaemon(true);
            return thread;
        });
        executor = scheduler;
        long pollMillis = properties.pollInterval().toMillis();
        scheduler.scheduleWithFixedDelay(this::pass, 0, pollMillis, TimeUnit.MILLISECONDS);
        log.info("outbox relay {} watching {}", owner, properties.collections());
    }

    @Override
    public void stop() {
        ScheduledExecutorService running = executor;
        executor = null;
        if (running != null) {
            running.shutdown();
            try {
                running.awaitTermination(properties.sendTimeout().toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return executor != null;
    }

    /** Stop before the Kafka producer and Mongo client go away. */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 100;
    }
}
