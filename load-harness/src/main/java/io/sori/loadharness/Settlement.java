package io.sori.loadharness;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import reactor.core.publisher.Flux;
import reactor.core.scheduler.Schedulers;

/**
 * After the last arrival: waits until every accepted message that needed a person has its
 * TicketCreated and every service's outbox is empty, then reads every such customer's tickets back
 * from ticket-service, one by one. What {@code ./bench} and a {@link FaultRun} both judge a run by.
 *
 * @param caughtUpAt    when the last outstanding ticket's event was seen (or the end of arrivals,
 *                      whichever is later); 0 when some were still missing at the deadline
 * @param drainedAt     when every outbox was first read empty and no service's consumer was behind, once the
 *                      tickets had caught up; 0 when never within the settle time
 * @param outboxPending the last reading, per service (-1: its actuator did not answer)
 * @param consumerLag   events published and not yet consumed, per service's consumer group (-1: unreadable;
 *                      empty without Kafka)
 * @param verdict       the ledger's verdict over the tickets read back
 */
record Settlement(long caughtUpAt, long drainedAt, Map<String, Long> outboxPending, Map<String, Long> consumerLag,
        Ledger.Verdict verdict) {

    /**
     * Events still on their way at the check: in an outbox, or published and not yet consumed by a service; a
     * missing ticket then is a backlog, not a proven loss.
     */
    long pendingEvents() {
        return outboxPending.values().stream().filter(n -> n > 0).mapToLong(Long::longValue).sum()
                + ConsumerLag.total(consumerLag);
    }

    /**
     * @param watcher     closed here once the tickets caught up; {@code null}: no events to wait for, so the
     *                    wait is a fixed share of {@code settle} before the outboxes are read
     * @param arrivalsEnd {@code System.nanoTime()} of the last arrival
     */
    static Settlement settle(Target target, String kafka, Ledger ledger, EventWatcher<?> watcher, Duration settle,
            long arrivalsEnd, Consumer<String> log) throws InterruptedException {
        long deadline = System.nanoTime() + settle.toNanos();
        long caughtUpAt = 0;
        long drainedAt = 0;
        try (ConsumerLag lag = kafka == null ? null : new ConsumerLag(kafka)) {
            if (watcher != null) {
                long nextReading = 0;
                while (drainedAt == 0 && System.nanoTime() < deadline) {
                    if (caughtUpAt == 0 && ledger.outstanding() == 0) {
                        caughtUpAt = Math.max(ledger.lastCreatedAt(), arrivalsEnd);
                    }
                    // the backlog counts only once the tickets are there: a stopped service has nothing pending to say
                    if (caughtUpAt != 0 && System.nanoTime() >= nextReading) {
                        nextReading = System.nanoTime() + 1_000_000_000L;
                        if (nothingOnItsWay(target, lag)) {
                            drainedAt = System.nanoTime();
                        }
                    }
                    Thread.sleep(200);
                }
                Thread.sleep(2000); // a late duplicate would show up now
                watcher.close();
            } else {
                Thread.sleep(Math.min(settle.toMillis(), 30_000));
                while (!nothingOnItsWay(target, lag) && System.nanoTime() < deadline) {
                    Thread.sleep(1000);
                }
            }
            Map<String, Long> pending = Outboxes.pending(target);
            Map<String, Long> behind = lag == null ? Map.of() : lag.byGroup();
            if (watcher == null && pending.values().stream().noneMatch(n -> n > 0) && ConsumerLag.total(behind) == 0) {
                drainedAt = System.nanoTime();
            }
            Map<String, Integer> read = readEveryTicket(target, ledger, log);
            return new Settlement(caughtUpAt, drainedAt, pending, behind, ledger.verdict(read));
        }
    }

    private static boolean nothingOnItsWay(Target target, ConsumerLag lag) {
        return Outboxes.pending(target).values().stream().noneMatch(n -> n > 0)
                && (lag == null || ConsumerLag.total(lag.byGroup()) == 0);
    }

    /**
     * Seconds from {@code from} (a {@code System.nanoTime()}) until the last outstanding ticket was created; 0 when
     * none was outstanding by then; -1: never.
     */
    double caughtUpSecondsAfter(long from) {
        return caughtUpAt == 0 || from == 0 ? -1 : Math.max(0, caughtUpAt - from) / 1e9;
    }

    /**
     * Seconds from {@code from} until every ticket was created and every outbox read empty (to within the
     * one-second reading); -1: never within the settle time.
     */
    double drainedSecondsAfter(long from) {
        return drainedAt == 0 || from == 0 ? -1 : (drainedAt - from) / 1e9;
    }

    /** Every accepted message that needed a person, read back by its customer straight from ticket-service. */
    static Map<String, Integer> readEveryTicket(Target target, Ledger ledger, Consumer<String> log) {
        List<String> customers = ledger.expectingTicket();
        String base = target.service("ticket-service");
        log.accept(String.format(Locale.ROOT, "checking %d tickets one by one at %s", customers.size(), base));
        Map<String, Integer> read = new ConcurrentHashMap<>();
        Flux.fromIterable(customers)
                .flatMap(c -> target.http.get(base + "/api/tickets?size=5&customerId=" + c, target.agentToken)
                        .doOnNext(r -> {
                            if (r.ok()) {
                                read.put(c, (int) target.json.readTree(r.body()).path("total").asLong());
                            }
                        }), 16)
                .subscribeOn(Schedulers.boundedElastic())
                .blockLast(Duration.ofMinutes(20));
        return read;
    }
}
