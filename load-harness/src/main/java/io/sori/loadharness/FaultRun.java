package io.sori.loadharness;

import io.sori.launcher.SoriStack;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

/**
 * One fault under load against a suite the caller runs, for tests: new customers write in through
 * the gateway on every channel while one process is stopped and started again through the launcher;
 * afterwards every accepted message that needed a person is read back from ticket-service, every
 * outbox is read and every service's consumer lag. The same traffic, fault and accounting as {@code ./bench --fault}, smaller.
 *
 * <pre>{@code
 * FaultVerdict v = FaultRun.on(stack, Fault.RESTART_KAFKA).rate(30).duration(Duration.ofSeconds(12)).run();
 * assertThat(v.lost()).isEmpty();
 * }</pre>
 *
 * The stopped process is started again and waited for; {@link SoriStack#awaitServicesReady} checks the others.
 */
public final class FaultRun {

    private final SoriStack stack;
    private final Fault fault;
    private int rate = 30;
    private Duration duration = Duration.ofSeconds(12);
    private Duration faultAt = Duration.ofSeconds(3);
    private Duration faultDown = Duration.ofSeconds(5);
    private Duration settle = Duration.ofSeconds(120);
    private boolean botQuestions;
    private Consumer<String> log = line -> System.out.println("[fault-run] " + line);

    private FaultRun(SoriStack stack, Fault fault) {
        if (fault == Fault.NONE) {
            throw new IllegalArgumentException("a fault run needs a fault");
        }
        this.stack = stack;
        this.fault = fault;
    }

    public static FaultRun on(SoriStack stack, Fault fault) {
        return new FaultRun(stack, fault);
    }

    /** New customers' messages per second, across chat, talk, 1:1 inquiry, email and phone in turn. */
    public FaultRun rate(int perSecond) {
        this.rate = perSecond;
        return this;
    }

    /** How long messages arrive. */
    public FaultRun duration(Duration duration) {
        this.duration = duration;
        return this;
    }

    /** When the process is stopped, from the first message. */
    public FaultRun faultAt(Duration at) {
        this.faultAt = at;
        return this;
    }

    /** How long it stays down before it is started again. */
    public FaultRun faultDown(Duration down) {
        this.faultDown = down;
        return this;
    }

    /** How long to wait after the last message for every ticket and empty outboxes. */
    public FaultRun settle(Duration settle) {
        this.settle = settle;
        return this;
    }

    /** Every other chat and talk message is a question the chatbot answers from the FAQ, not a call for a person. */
    public FaultRun botQuestions(boolean botQuestions) {
        this.botQuestions = botQuestions;
        return this;
    }

    public FaultRun log(Consumer<String> log) {
        this.log = log;
        return this;
    }

    public FaultVerdict run() throws InterruptedException {
        String runId = "fault-" + fault.option() + "-" + Long.toString(System.currentTimeMillis(), 36);
        Map<String, String> services = new LinkedHashMap<>();
        for (String module : Target.OUTBOX_SERVICES) {
            services.put(module, "http://127.0.0.1:" + stack.port(module));
        }
        try (Http http = new Http(32)) {
            Target target = new Target(stack.gatewayUrl(), services, http);
            target.signIn();
            Ledger ledger = new Ledger();
            EventWatcher<EventWatcher.Created> watcher = EventWatcher.tickets(stack.kafkaBootstrap(), created -> {
                if (ledger.isOurs(created.customerId())) {
                    ledger.ticketCreated(created.customerId(), created.ticketId(), created.seenAt());
                }
            });
            IntakeTraffic intake = new IntakeTraffic(target, ledger, runId, botQuestions);
            log.accept(String.format(Locale.ROOT, "%s: %d new customers/s for %d s, %s stopped at %d s for %d s",
                    fault.option(), rate, duration.toSeconds(), fault.process(), faultAt.toSeconds(),
                    faultDown.toSeconds()));

            long runStart = System.nanoTime();
            FaultInjector injector = new FaultInjector(fault, stack, faultAt, faultDown, runStart);
            injector.start();
            Arrivals arrivals = new Arrivals(intake, target.latencies, 4000);
            long due = arrivals.run(rate, duration);
            long arrivalsEnd = System.nanoTime();
            arrivals.drain(Duration.ofSeconds(30));
            injector.await(Duration.ofMinutes(5));
            Settlement settled = Settlement.settle(target, stack.kafkaBootstrap(), ledger, watcher, settle, arrivalsEnd,
                    log);

            Map<String, Map<Integer, Long>> statuses = new LinkedHashMap<>();
            target.latencies.byLabel().forEach((label, s) -> statuses.put(label, s.statuses()));
            Ledger.Verdict v = settled.verdict();
            FaultVerdict verdict = new FaultVerdict(fault.option(), fault.process(), rate, duration.toSeconds(), due,
                    v.accepted(), v.unacknowledged(), statuses, v.expected(), v.checked(), v.lost(), v.duplicated(),
                    v.unexpectedTickets(), intake.answeredWithoutReply.get(), settled.outboxPending(), settled.consumerLag(),
                    Report.round(injector.at(injector.stoppedAt)), Report.round(injector.at(injector.restartedAt)),
                    Report.round(injector.readySecondsAfterRestart()),
                    Report.round(settled.caughtUpSecondsAfter(injector.restartedAt)),
                    Report.round(settled.drainedSecondsAfter(injector.restartedAt)), injector.failure);
            log.accept(verdict.summary());
            return verdict;
        }
    }
}
