package io.sori.loadharness;

import io.sori.launcher.SoriStack;
import io.sori.launcher.StackOptions;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import reactor.core.publisher.Mono;

/**
 * {@code ./bench}: puts one kind of load on the suite through the gateway, times every answer and
 * every ticket, checks nothing was lost or doubled, and writes what it saw. See {@link Options#usage()}.
 */
public final class LoadHarness {

    private final Options options;
    private final Report report = new Report();
    private SoriStack stack;

    private LoadHarness(Options options) {
        this.options = options;
    }

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && (args[0].equals("--help") || args[0].equals("-h"))) {
            System.out.println(Options.usage());
            return;
        }
        Options options;
        try {
            options = Options.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("bench: " + e.getMessage());
            System.err.println(Options.usage());
            System.exit(2);
            return;
        }
        int status = new LoadHarness(options).run();
        System.exit(status);
    }

    private int run() throws Exception {
        String runId = Long.toString(System.currentTimeMillis(), 36);
        Map<String, String> services;
        java.net.URI gateway = options.url();
        String kafka = options.kafka();
        if (options.start()) {
            // the embedded default as ./sori runs it (same SORI_* environment, JVM flags and start order), but on
            // free ports and a fresh store: a run neither collides with a running ./sori nor reads an old run's tickets
            Path work = options.out().resolve("stack-" + runId).toAbsolutePath();
            stack = SoriStack.start(StackOptions.fromEnvironment(System.getenv()).randomPorts(true)
                    .dataDir(work.resolve("data")).logDir(work.resolve("logs")).build());
            Runtime.getRuntime().addShutdownHook(new Thread(stack::close, "bench-stop-stack"));
            gateway = stack.gatewayUrl();
            kafka = stack.kafkaBootstrap();
            services = new LinkedHashMap<>();
            for (String module : Target.OUTBOX_SERVICES) {
                services.put(module, "http://127.0.0.1:" + stack.port(module));
            }
        } else {
            services = Target.servicesOn(options.serviceHost(), Target.DEFAULT_PORTS);
        }
        try (Http http = new Http(options.connections())) {
            Target target = new Target(gateway, services, http);
            target.intakeDirect = options.direct();
            target.signIn();
            return measure(target, kafka, runId);
        } finally {
            if (stack != null) {
                stack.close();
            }
        }
    }

    private int measure(Target target, String kafka, String runId) throws Exception {
        String scenario = options.scenario();
        boolean intake = scenario.equals("intake") || scenario.equals("mixed");
        Ledger ledger = new Ledger();
        EventWatcher<?> watcher = intake && kafka != null ? watch(kafka, target, ledger) : null;

        AgentTraffic agents = null;
        if (scenario.equals("agents") || scenario.equals("mixed") || scenario.equals("overhead")) {
            agents = AgentTraffic.seeded(target);
            if (agents.ticketCount() < 20) {
                seedTickets(target);
                agents = AgentTraffic.seeded(target);
            }
            say("%d tickets to open during the run", agents.ticketCount());
        }
        long warmArrivals = options.warmup().isZero() ? 0 : options.warmupRate() * options.warmup().toSeconds();
        List<String> surveyLinks = List.of();
        if (scenario.equals("surveys")) {
            if (kafka == null) {
                throw new IllegalArgumentException("--scenario surveys reads the survey links from sori.surveys.v1:"
                        + " it needs --kafka");
            }
            long needed = warmArrivals + options.rate() * options.duration().toSeconds();
            surveyLinks = SurveyTraffic.seed(target, kafka, (int) needed, runId, options.settle(), line -> say("%s", line));
            report.put("surveyLinksSeeded", surveyLinks.size());
        }
        if (!options.warmup().isZero()) {
            say("warming up: %d/s for %d s (not recorded)", options.warmupRate(), options.warmup().toSeconds());
            // its own ledger and customers: the warm-up's messages are not part of the accounting
            Traffic warm = traffic(scenario, target, new Ledger(), runId + "w", agents, options.botQuestions(),
                    surveyLinks.subList(0, (int) Math.min(warmArrivals, surveyLinks.size())));
            Arrivals warming = new Arrivals(warm, target.latencies, options.maxInFlight());
            warming.run(options.warmupRate(), options.warmup());
            warming.drain(Duration.ofSeconds(15));
            target.latencies = new Latencies();
        }
        Traffic traffic = traffic(scenario, target, ledger, runId, agents, options.botQuestions(),
                surveyLinks.subList((int) Math.min(warmArrivals, surveyLinks.size()), surveyLinks.size()));

        report.put("scenario", scenario);
        report.put("startedAt", Instant.now().toString());
        report.put("gateway", target.gateway);
        report.put("ratePerSecond", options.rate());
        report.put("durationSeconds", options.duration().toSeconds());
        report.put("connections", options.connections());
        report.put("intakeVia", options.direct() ? "channel-service directly" : "the gateway");
        report.put("botQuestions", options.botQuestions());
        report.put("warmupSeconds", options.warmup().toSeconds());
        report.put("warmupRatePerSecond", options.warmupRate());
        report.put("embeddedDefaultStartedByHarness", options.start());
        report.put("machine", machine());
        say("%s: %d/s for %d s against %s", scenario, options.rate(), options.duration().toSeconds(), target.gateway);

        CpuUse cpu = CpuUse.start(stack);
        long runStart = System.nanoTime();
        FaultInjector fault = null;
        if (options.fault() != Fault.NONE) {
            fault = new FaultInjector(options.fault(), stack, options.faultAt(), options.faultDown(), runStart);
            fault.start();
        }
        Arrivals arrivals = new Arrivals(traffic, target.latencies, options.maxInFlight());
        long due = arrivals.run(options.rate(), options.duration());
        long arrivalsEnd = System.nanoTime();
        arrivals.drain(Duration.ofSeconds(30));
        double seconds = (System.nanoTime() - runStart) / 1e9;
        say("%d arrivals due, answers in %.1f s", due, seconds);
        if (fault != null) {
            fault.await(Duration.ofMinutes(5));
        }

        requests(target.latencies, seconds, due);
        if (intake) {
            tickets(target, kafka, ledger, watcher, fault, runStart, arrivalsEnd);
        }
        if (scenario.equals("overhead")) {
            overhead(target.latencies);
        }
        if (cpu != null) {
            cpu(cpu, target.latencies, ledger, intake);
        }
        targets(target.latencies, seconds, ledger);
        report.put("machineAfter", machine());
        return write(target);
    }

    private static Traffic traffic(String scenario, Target target, Ledger ledger, String runId, AgentTraffic agents,
            boolean botQuestions, List<String> surveyLinks) {
        IntakeTraffic intake = new IntakeTraffic(target, ledger, runId, botQuestions);
        return switch (scenario) {
            case "intake" -> intake;
            case "agents" -> agents;
            case "kb" -> new KbTraffic(target);
            case "surveys" -> new SurveyTraffic(target, surveyLinks);
            case "mixed" -> new MixedTraffic(intake, agents, new KbTraffic(target));
            default -> new OverheadTraffic(target, agents);
        };
    }

    private EventWatcher<?> watch(String kafka, Target target, Ledger ledger) {
        try {
            Map<String, Boolean> sampled = new ConcurrentHashMap<>();
            return EventWatcher.tickets(kafka, created -> {
                if (!ledger.isOurs(created.customerId())) {
                    return;
                }
                ledger.ticketCreated(created.customerId(), created.ticketId(), created.seenAt());
                if (ThreadLocalRandom.current().nextDouble() < options.readSample()
                        && sampled.putIfAbsent(created.customerId(), true) == null) {
                    readBack(target, ledger, created.customerId(), 0);
                }
            });
        } catch (RuntimeException e) {
            say("no end-to-end timing: cannot read sori.tickets.v1 at %s (%s)", kafka, e.getMessage());
            return null;
        }
    }

    /** Reads the new ticket through the gateway, as an agent would, until it is there (it is: the event came after the write). */
    private void readBack(Target target, Ledger ledger, String customerId, int attempt) {
        target.http.get(target.gateway + "/api/tickets?customerId=" + customerId, target.agentToken)
                .subscribe(r -> {
                    if (r.ok() && target.json.readTree(r.body()).path("total").asLong() >= 1) {
                        ledger.readable(customerId, System.nanoTime());
                    } else if (attempt < 40) {
                        Mono.delay(Duration.ofMillis(50)).subscribe(x -> readBack(target, ledger, customerId, attempt + 1));
                    }
                }, e -> { });
    }

    /** A fresh store has no tickets for agents to read: 200 customers write in first. */
    private void seedTickets(Target target) throws InterruptedException {
        say("seeding: 200 customers write in so agents have tickets to read");
        Ledger seed = new Ledger();
        new Arrivals(new IntakeTraffic(target, seed, "seed" + System.currentTimeMillis()), new Latencies(), 500)
                .run(100, Duration.ofSeconds(2));
        Thread.sleep(15_000);
    }

    private void requests(Latencies latencies, double seconds, long due) {
        Map<String, Object> byLabel = new LinkedHashMap<>();
        report.line("%s, %d/s for %d s, %d arrivals, %.1f s until the last answer", options.scenario(),
                options.rate(), options.duration().toSeconds(), due, seconds);
        latencies.byLabel().forEach((label, s) -> {
            byLabel.put(label, Report.series(s, seconds));
            report.line("%s", Report.seriesLine(label, s, seconds));
        });
        Latencies.Series all = latencies.overall();
        report.line("%s", Report.seriesLine("all", all, seconds));
        Map<String, Object> requests = new LinkedHashMap<>();
        requests.put("arrivalsDue", due);
        requests.put("secondsUntilLastAnswer", Report.round(seconds));
        requests.put("overall", Report.series(all, seconds));
        requests.put("byLabel", byLabel);
        report.put("requests", requests);
    }

    private void tickets(Target target, String kafka, Ledger ledger, EventWatcher<?> watcher, FaultInjector fault,
            long runStart, long arrivalsEnd) throws InterruptedException {
        Map<String, Object> t = new LinkedHashMap<>();
        Settlement settled = Settlement.settle(target, kafka, ledger, watcher, options.settle(), arrivalsEnd,
                line -> say("%s", line));
        long caughtUpAt = settled.caughtUpAt();
        if (watcher != null) {
            t.put("e2eMethod", "accepted = the gateway's 2xx answer read by the client; created = TicketCreated consumed"
                    + " from sori.tickets.v1 by the harness (published by ticket-service's outbox after the ticket is"
                    + " stored); readable = a sample read back through the gateway by customerId as an agent");
            t.put("acceptedToTicketCreated", Report.histogram(ledger.toCreated()));
            t.put("acceptedToReadableSample", Report.histogram(ledger.toReadable()));
            t.put("outstandingAfterSettle", ledger.outstanding());
            report.line("e2e accepted -> TicketCreated seen: n=%d p50 %.1f p95 %.1f p99 %.1f max %.1f ms",
                    ledger.toCreated().getTotalCount(), Report.millis(ledger.toCreated(), 50),
                    Report.millis(ledger.toCreated(), 95), Report.millis(ledger.toCreated(), 99),
                    Report.millis(ledger.toCreated(), 100));
            report.line("e2e accepted -> readable via gateway (sample): n=%d p50 %.1f p99 %.1f ms",
                    ledger.toReadable().getTotalCount(), Report.millis(ledger.toReadable(), 50),
                    Report.millis(ledger.toReadable(), 99));
        } else {
            t.put("e2eMethod", "not measured: no Kafka to watch (--kafka)");
        }

        Map<String, Long> outbox = settled.outboxPending();
        t.put("outboxPending", outbox);
        t.put("consumerLag", settled.consumerLag());
        report.line("outbox pending after the run: %s; consumer lag: %s", outbox, settled.consumerLag());

        Ledger.Verdict v = settled.verdict();
        Map<String, Object> verdict = new LinkedHashMap<>();
        verdict.put("accepted", v.accepted());
        verdict.put("expectedTickets", v.expected());
        verdict.put("checkedByApi", v.checked());
        verdict.put("lost", v.lost().size());
        verdict.put("duplicated", v.duplicated().size());
        verdict.put("lostExamples", v.lost().stream().limit(10).toList());
        verdict.put("duplicatedExamples", v.duplicated().stream().limit(10).toList());
        verdict.put("ticketsForBotAnsweredMessages", v.unexpectedTickets());
        verdict.put("unacknowledged", v.unacknowledged());
        verdict.put("ticketsFromUnacknowledged", v.ticketsFromUnacknowledged());
        long pending = settled.pendingEvents();
        verdict.put("eventsOnTheirWayAtCheck", pending);
        verdict.put("meaning", pending == 0 ? "outboxes empty and every consumer caught up: a missing ticket is lost"
                : pending + " events still in outboxes or not yet consumed at the check: missing tickets are a"
                        + " backlog, not proven lost; run with a longer --settle");
        t.put("verdict", verdict);
        report.line("ledger: %d accepted, %d needed a person, %d read back one by one: %d missing, %d duplicated;"
                + " %d not acknowledged (%d of them made a ticket anyway)%s", v.accepted(), v.expected(), v.checked(),
                v.lost().size(), v.duplicated().size(), v.unacknowledged(), v.ticketsFromUnacknowledged(),
                pending == 0 ? "" : " -- " + pending + " events still in outboxes or not yet consumed: a backlog, not"
                        + " proven lost");

        if (fault != null) {
            Map<String, Object> f = new LinkedHashMap<>();
            f.put("fault", fault.fault().option());
            f.put("process", fault.fault().process());
            f.put("stoppedAtSeconds", Report.round(fault.at(fault.stoppedAt)));
            f.put("restartedAtSeconds", Report.round(fault.at(fault.restartedAt)));
            f.put("readyAtSeconds", Report.round(fault.at(fault.readyAt)));
            f.put("arrivalsEndedAtSeconds", Report.round((arrivalsEnd - runStart) / 1e9));
            f.put("allTicketsCaughtUpAtSeconds", caughtUpAt == 0 ? -1 : Report.round((caughtUpAt - runStart) / 1e9));
            double caughtUp = settled.caughtUpSecondsAfter(fault.restartedAt);
            double recovery = settled.drainedSecondsAfter(fault.restartedAt);
            double ready = fault.readySecondsAfterRestart();
            f.put("processReadySecondsAfterRestart", Report.round(ready));
            f.put("ticketsCaughtUpSecondsAfterRestart", Report.round(caughtUp));
            f.put("recoverySeconds", Report.round(recovery));
            f.put("recoveryMeaning", "from the restart command until every accepted message's ticket was created"
                    + " (TicketCreated seen), every service's outbox read empty and no service's consumer was behind");
            f.put("failure", fault.failure);
            t.put("fault", f);
            report.line("fault %s: stopped at %.1f s, restarted at %.1f s, ready %.1f s later; every ticket caught up"
                    + " %.1f s and nothing left on its way %.1f s after the restart", fault.fault().option(),
                    fault.at(fault.stoppedAt), fault.at(fault.restartedAt), ready, caughtUp, recovery);
        }
        report.put("tickets", t);
    }

    /** CPU time of each process over the run and its settling, per successful request (per accepted message for intake). */
    private void cpu(CpuUse cpu, Latencies latencies, Ledger ledger, boolean intake) {
        Map<String, Double> seconds = cpu.secondsSinceStart();
        long units = intake ? ledger.verdict(Map.of()).accepted() : latencies.overall().successes();
        String unit = intake ? "accepted message" : "successful request";
        Map<String, Object> perUnit = new LinkedHashMap<>();
        StringBuilder line = new StringBuilder();
        double total = 0;
        for (Map.Entry<String, Double> e : seconds.entrySet()) {
            total += e.getValue();
            double ms = units == 0 ? Double.NaN : 1000 * e.getValue() / units;
            perUnit.put(e.getKey(), Report.round(ms));
            line.append(String.format(Locale.ROOT, " %s %.2f", e.getKey(), ms));
        }
        double totalMs = units == 0 ? Double.NaN : 1000 * total / units;
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("meaning", "CPU time each process of the stack used from the first arrival until the check was done,"
                + " divided by the number of " + unit + "s; robust to other load on the machine, unlike latency");
        c.put("units", units);
        c.put("cpuSecondsByProcess", seconds.entrySet().stream().collect(java.util.stream.Collectors.toMap(
                Map.Entry::getKey, e -> Report.round(e.getValue()), (a, b) -> a, LinkedHashMap::new)));
        c.put("cpuMsPerUnitByProcess", perUnit);
        c.put("cpuMsPerUnit", Report.round(totalMs));
        c.put("impliedCeilingPerSecondOnTwoCores", Report.round(2000 / totalMs));
        report.put("cpu", c);
        report.line("cpu per %s: %.2f ms in all (at most %.0f/s on 2 cores) --%s", unit, totalMs, 2000 / totalMs, line);
    }

    private void overhead(Latencies latencies) {
        Map<String, Object> o = new LinkedHashMap<>();
        for (String op : List.of("ticket", "kb-search")) {
            Latencies.Series g = latencies.matching("overhead.gateway." + op);
            Latencies.Series d = latencies.matching("overhead.direct." + op);
            double added = g.okMillis(50) - d.okMillis(50);
            o.put(op, Map.of("gatewayP50Ms", Report.round(g.okMillis(50)), "directP50Ms", Report.round(d.okMillis(50)),
                    "addedP50Ms", Report.round(added), "gatewayP99Ms", Report.round(g.okMillis(99)),
                    "directP99Ms", Report.round(d.okMillis(99))));
            report.line("gateway overhead, %s: p50 %.2f ms via the gateway, %.2f ms direct: +%.2f ms", op,
                    g.okMillis(50), d.okMillis(50), added);
        }
        report.put("gatewayOverhead", o);
    }

    private void targets(Latencies latencies, double seconds, Ledger ledger) {
        switch (options.scenario()) {
            case "intake" -> {
                Latencies.Series s = latencies.matching("intake.");
                double rate = s.successes() / seconds;
                report.check("intake >= 1500 accepted msg/s for 60 s", fmt("%.0f/s over %.0f s (errors %.2f%%)",
                        rate, seconds, 100 * s.errorRate()), rate >= 1500 && options.duration().toSeconds() >= 60);
                double p99 = Report.millis(ledger.toCreated(), 99);
                report.check("intake e2e p99 <= 1 s", fmt("%.0f ms", p99), !Double.isNaN(p99) && p99 <= 1000);
            }
            case "agents" -> {
                Latencies.Series s = latencies.matching("agents.");
                double rate = s.successes() / seconds;
                report.check("agent reads >= 3000 req/s", fmt("%.0f/s", rate), rate >= 3000);
                report.check("agent reads p99 <= 50 ms", fmt("%.1f ms", s.okMillis(99)), s.okMillis(99) <= 50);
            }
            case "kb" -> {
                Latencies.Series s = latencies.matching("kb.");
                report.check("KB search p95 <= 20 ms", fmt("%.1f ms at %.0f/s", s.okMillis(95), s.successes() / seconds),
                        s.okMillis(95) <= 20);
            }
            case "overhead" -> {
                for (String op : List.of("ticket", "kb-search")) {
                    Latencies.Series g = latencies.matching("overhead.gateway." + op);
                    Latencies.Series d = latencies.matching("overhead.direct." + op);
                    double added = g.okMillis(50) - d.okMillis(50);
                    // a gateway that refuses most requests answers its few successes from an idle service
                    boolean comparable = g.errorRate() < 0.01 && d.errorRate() < 0.01;
                    report.check("gateway adds <= 2 ms at p50 (" + op + ")", comparable ? fmt("+%.2f ms", added)
                            : fmt("not comparable: errors %.1f%% via the gateway, %.1f%% direct", 100 * g.errorRate(),
                                    100 * d.errorRate()), comparable && added <= 2);
                }
            }
            default -> {
            }
        }
        if (report.json.get("tickets") instanceof Map<?, ?> t && t.get("verdict") instanceof Map<?, ?> v) {
            boolean clean = Long.valueOf(0).equals(toLong(v.get("lost"))) && Long.valueOf(0).equals(toLong(v.get("duplicated")));
            Long backlog = toLong(v.get("eventsOnTheirWayAtCheck"));
            boolean backlogged = backlog != null && backlog > 0 && !Long.valueOf(0).equals(toLong(v.get("lost")));
            report.check("zero lost or duplicated tickets", fmt("%s %s, %s duplicated", v.get("lost"),
                    backlogged ? "missing (" + backlog + " events still on their way: a backlog, not proven lost)"
                            : "lost", v.get("duplicated")), clean);
        }
        report.put("targets", report.checks);
    }

    private static Long toLong(Object o) {
        return o instanceof Number n ? n.longValue() : null;
    }

    private int write(Target target) throws IOException {
        String stamp = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC).format(Instant.now());
        Path dir = options.out().resolve(options.scenario() + (options.fault() == Fault.NONE ? "" : "-" + options.fault().option())
                + "-" + stamp);
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("report.json"),
                target.json.writerWithDefaultPrettyPrinter().writeValueAsString(report.json), StandardCharsets.UTF_8);
        String text = report.text();
        Files.writeString(dir.resolve("summary.txt"), text, StandardCharsets.UTF_8);
        System.out.println();
        System.out.print(text);
        System.out.println("written to " + dir.toAbsolutePath());
        boolean clean = report.checks.stream().filter(c -> c.target().startsWith("zero lost")).allMatch(Report.Check::met);
        return clean ? 0 : 1;
    }

    private static Map<String, Object> machine() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("cores", Runtime.getRuntime().availableProcessors());
        try {
            m.put("loadAverage", Files.readString(Path.of("/proc/loadavg")).trim());
        } catch (IOException | RuntimeException e) {
            m.put("loadAverage", "unknown");
        }
        m.put("java", System.getProperty("java.version"));
        return m;
    }

    private static String fmt(String format, Object... args) {
        return String.format(Locale.ROOT, format, args);
    }

    private static void say(String format, Object... args) {
        System.out.println("[bench] " + String.format(Locale.ROOT, format, args));
    }
}
