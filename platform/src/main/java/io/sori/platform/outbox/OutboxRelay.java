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
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
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
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Publishes what the outboxes hold, at least once and in order per document: it leases a
 * document (so two instances never publish the same document at once), sends its events
 * with {@code acks=all} on the idempotent producer, and only then removes them. A crash
 * anywhere before the removal means the events are sent again later — consumers dedupe by
 * {@code eventId}. Runs on its own thread.
 *
 * <p>A writer that names the document it wrote ({@link #wakeUp(String, Object)}) has it
 * claimed by {@code _id}: no query over the collection on the hot path, which matters on a
 * store without secondary indexes (the embedded one scans every document for anything but a
 * unique key). The documents of one pass are leased, their events all sent, and the acks
 * awaited once, so a pass costs one producer linger instead of one per document. The
 * periodic scan stays as the safety net for what nobody named (a crash between write and
 * publish, a full hint queue, another instance's expired lease).
 */
public class OutboxRelay implements SmartLifecycle {

    public static final String OUTBOX_FIELD = "outbox";
    static final String LEASE_UNTIL = "outboxLeaseUntil";
    static final String LEASE_OWNER = "outboxLeaseOwner";

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);
    /** The pending gauge is a count query per collection: fresh enough for a dashboard, not per write. */
    private static final Duration GAUGE_REFRESH = Duration.ofSeconds(5);
    private static final int HINT_CAPACITY = 10_000;
    /** Claims and removals in flight at once against the store within one pass. */
    private static final int STORE_CONCURRENCY = 16;

    private record Hint(String collection, Object id) {
    }

    private final ReactiveMongoTemplate mongo;
    private final KafkaTemplate<String, String> kafka;
    private final OutboxProperties properties;
    private final Clock clock;
    private final String owner = UUID.randomUUID().toString();
    private final AtomicBoolean passQueued = new AtomicBoolean();
    /** Documents named by their writers since the last pass; bounded, and a full queue falls back to the scan. */
    private final BlockingQueue<Hint> hints = new ArrayBlockingQueue<>(HINT_CAPACITY);
    private final AtomicBoolean scanRequested = new AtomicBoolean(true);
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

    /** Asks for a pass that scans every outbox collection soon; cheap, and coalesced when a pass is already queued. */
    public void wakeUp() {
        scanRequested.set(true);
        schedulePass();
    }

    /** Asks for a pass soon that publishes this document's outbox, found by {@code _id}. */
    public void wakeUp(String collection, Object id) {
        if (id == null || !hints.offer(new Hint(collection, id))) {
            scanRequested.set(true);
        }
        schedulePass();
    }

    private void schedulePass() {
        ScheduledExecutorService running = executor;
        if (running != null && passQueued.compareAndSet(false, true)) {
            running.execute(() -> pass(false));
        }
    }

    /** One pass over every outbox collection; returns how many events were published. */
    public int publishPending() {
        int sent = publishHinted();
        for (String collection : properties.collections()) {
            sent += publishCollection(collection);
        }
        refreshPendingGauge();
        return sent;
    }

    private void pass(boolean poll) {
        passQueued.set(false);
        if (clock.instant().isBefore(pausedUntil)) {
            return;
        }
        try {
            // a requested scan is satisfied by any scanning pass, the periodic one too: cleared either way
            if (scanRequested.getAndSet(false) || poll) {
                publishPending();
            } else {
                publishHinted();
            }
            backoff = Duration.ZERO;
        } catch (RuntimeException e) {
            scanRequested.set(true); // what the failed pass had claimed is released or left to its lease
            failures.increment();
            backoff = backoff.isZero() ? Duration.ofMillis(500) : min(backoff.multipliedBy(2), properties.maxBackoff());
            pausedUntil = clock.instant().plus(backoff);
            log.warn("outbox relay paused for {} after: {}", backoff, e.toString());
        }
    }

    /** The documents writers named, claimed by {@code _id} and published together, a batch at a time. */
    private int publishHinted() {
        int sent = 0;
        while (!hints.isEmpty()) {
            Set<Hint> batch = new LinkedHashSet<>();
            Hint next;
            while (batch.size() < properties.batchSize() && (next = hints.poll()) != null) {
                batch.add(next);
            }
            List<Claimed> claimed = Flux.fromIterable(batch)
                    .flatMapSequential(h -> claim(h.collection(), h.id())
                            .map(d -> new Claimed(h.collection(), d)), STORE_CONCURRENCY)
                    .collectList().block(properties.sendTimeout());
            sent += publish(claimed);
        }
        return sent;
    }

    /** Scans one collection for documents with pending events (the safety net), a batch at a time. */
    private int publishCollection(String collection) {
        List<Claimed> claimed = new ArrayList<>();
        for (int i = 0; i < properties.batchSize(); i++) {
            Document document = claim(collection, null).block(properties.sendTimeout());
            if (document == null) {
                break;
            }
            claimed.add(new Claimed(collection, document));
        }
        return publish(claimed);
    }

    private record Claimed(String collection, Document document) {
        Object id() {
            return document.get("_id");
        }
    }

    /** Leases one document with pending events that no live relay holds; {@code id}, when given, names it. */
    private Mono<Document> claim(String collection, Object id) {
        Instant now = clock.instant();
        // one flat query, {_id: …, outbox.eventId: …, $or: […]}: a store finds it by the _id index
        Criteria claimable = (id == null ? Criteria.where(OUTBOX_FIELD + ".eventId")
                : Criteria.where("_id").is(id).and(OUTBOX_FIELD + ".eventId")).exists(true)
                .orOperator(Criteria.where(LEASE_UNTIL).exists(false), Criteria.where(LEASE_UNTIL).lt(Date.from(now)));
        Update lease = new Update().set(LEASE_UNTIL, Date.from(now.plus(properties.lease())))
                .set(LEASE_OWNER, owner);
        return mongo.findAndModify(Query.query(claimable), lease, FindAndModifyOptions.options().returnNew(true), Document.class,
                collection);
    }

    /**
     * Sends the events of every claimed document in claim order (the idempotent producer keeps
     * that order per partition), awaits all acks once, then removes exactly the sent events.
     */
    private int publish(List<Claimed> claimed) {
        if (claimed.isEmpty()) {
            return 0;
        }
        List<CompletableFuture<?>> acks = new ArrayList<>();
        Map<Claimed, List<String>> sentIds = new LinkedHashMap<>();
        try {
            for (Claimed c : claimed) {
                List<String> ids = new ArrayList<>();
                for (Document message : c.document().getList(OUTBOX_FIELD, Document.class, List.of())) {
                    acks.add(kafka.send(record(message)));
                    ids.add(message.getString("eventId"));
                }
                sentIds.put(c, ids);
            }
            CompletableFuture.allOf(acks.toArray(CompletableFuture[]::new))
                    .get(properties.sendTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            claimed.forEach(c -> release(c.collection(), c.id()));
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            throw new IllegalStateException("could not publish the outboxes of " + claimed.size() + " documents ("
                    + claimed.get(0).collection() + "/" + claimed.get(0).id() + ", ...)", e);
        }
        // Only now are they safe on the broker: remove exactly those, keep any added meanwhile.
        Flux.fromIterable(sentIds.entrySet())
                .flatMap(entry -> mongo.updateFirst(Query.query(Criteria.where("_id").is(entry.getKey().id())),
                        new Update().pull(OUTBOX_FIELD, Query.query(Criteria.where("eventId").in(entry.getValue())))
                                .unset(LEASE_UNTIL).unset(LEASE_OWNER),
                        entry.getKey().collection()), STORE_CONCURRENCY)
                .then().block(properties.sendTimeout());
        int sent = sentIds.values().stream().mapToInt(List::size).sum();
        published.increment(sent);
        return sent;
    }

    private static ProducerRecord<String, String> record(Document message) {
        ProducerRecord<String, String> record = new ProducerRecord<>(message.getString("topic"),
                message.getString("key"), message.getString("envelope"));
        record.headers().add("sori-event-id", message.getString("eventId").getBytes(StandardCharsets.UTF_8));
        record.headers().add("sori-event-type", message.getString("type").getBytes(StandardCharsets.UTF_8));
        String traceparent = message.getString("traceparent");
        if (traceparent != null) {
            record.headers().add(TraceParent.HEADER, traceparent.getBytes(StandardCharsets.UTF_8));
        }
        return record;
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
                        return Mono.empty();
                    }).block(Duration.ofSeconds(30));
        }
        ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "outbox-relay");
            thread.setDaemon(true);
            return thread;
        });
        executor = scheduler;
        long pollMillis = properties.pollInterval().toMillis();
        scheduler.scheduleWithFixedDelay(() -> pass(true), 0, pollMillis, TimeUnit.MILLISECONDS);
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
