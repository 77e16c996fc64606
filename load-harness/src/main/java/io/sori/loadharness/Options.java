package io.sori.loadharness;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;

/**
 * What one run does, from the command line ({@code ./bench --scenario intake --rate 1500 --duration 60s}).
 *
 * @param scenario    the traffic: intake, agents, kb, surveys, mixed or overhead
 * @param rate        arrivals per second (open model: sent on schedule whatever the answers take)
 * @param duration    how long arrivals go on
 * @param url         the gateway
 * @param start       start the embedded default in this JVM (as {@code ./sori} does) and stop it afterwards
 * @param kafka       the bootstrap servers to watch {@code sori.tickets.v1} on, or {@code null}: no end-to-end timing
 * @param serviceHost where the services' own ports are (overhead runs, outbox and the ledger's check)
 * @param connections the client's fixed connection pool per host
 * @param maxInFlight requests outstanding at most; an arrival beyond it is counted as not sent
 * @param fault       a process stopped and started again during the run (needs {@code --start})
 * @param faultAt     when the fault begins, from the start of the run
 * @param faultDown   how long the process stays down
 * @param settle      how long to wait after the last arrival for outstanding tickets and outboxes
 * @param readSample  share of new tickets read back through the gateway the moment their event is seen
 * @param out         where the report goes
 * @param warmup      traffic of the same kind before the measured run, not recorded (cold JVMs, JIT)
 * @param warmupRate  arrivals per second during the warm-up
 * @param direct      intake sent straight to channel-service, not through the gateway
 * @param botQuestions every other chat and talk message is a question the chatbot answers from the FAQ
 *                     (kb-service), not a call for a person
 */
record Options(
        String scenario,
        int rate,
        Duration duration,
        URI url,
        boolean start,
        String kafka,
        String serviceHost,
        int connections,
        int maxInFlight,
        Fault fault,
        Duration faultAt,
        Duration faultDown,
        Duration settle,
        double readSample,
        Path out,
        Duration warmup,
        int warmupRate,
        boolean direct,
        boolean botQuestions) {

    static final java.util.List<String> SCENARIOS = java.util.List.of("intake", "agents", "kb", "surveys", "mixed",
            "overhead");

    static Options parse(String... args) {
        String scenario = "intake";
        int rate = 200;
        Duration duration = Duration.ofSeconds(30);
        URI url = URI.create("http://localhost:8080");
        boolean start = false;
        String kafka = "localhost:9092";
        String serviceHost = null;
        int connections = 128;
        int maxInFlight = 4000;
        Fault fault = Fault.NONE;
        Duration faultAt = null;
        Duration faultDown = Duration.ofSeconds(10);
        Duration settle = Duration.ofSeconds(120);
        double readSample = 0.05;
        Path out = Path.of("load-harness", "target", "bench-results");
        Duration warmup = Duration.ofSeconds(20);
        Integer warmupRate = null;
        boolean direct = false;
        boolean botQuestions = false;
        for (int i = 0; i < args.length; i++) {
            String name = args[i];
            if (name.equals("--start")) {
                start = true;
                continue;
            }
            if (name.equals("--bot-questions")) {
                botQuestions = true;
                continue;
            }
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException(name + " needs a value");
            }
            String v = args[++i];
            switch (name) {
                case "--scenario" -> scenario = v.toLowerCase(Locale.ROOT);
                case "--rate" -> rate = positive(name, v);
                case "--duration" -> duration = duration(name, v);
                case "--url" -> url = URI.create(v.endsWith("/") ? v.substring(0, v.length() - 1) : v);
                case "--kafka" -> kafka = v.equalsIgnoreCase("none") ? null : v;
                case "--service-host" -> serviceHost = v;
                case "--connections" -> connections = positive(name, v);
                case "--max-in-flight" -> maxInFlight = positive(name, v);
                case "--fault" -> fault = Fault.named(v);
                case "--fault-at" -> faultAt = duration(name, v);
                case "--fault-down" -> faultDown = duration(name, v);
                case "--settle" -> settle = duration(name, v);
                case "--read-sample" -> readSample = Double.parseDouble(v);
                case "--out" -> out = Path.of(v);
                case "--via" -> direct = switch (v) {
                    case "gateway" -> false;
                    case "direct" -> true;
                    default -> throw new IllegalArgumentException("--via must be gateway or direct, was " + v);
                };
                case "--warmup" -> warmup = duration(name, v);
                case "--warmup-rate" -> warmupRate = positive(name, v);
                default -> throw new IllegalArgumentException("unknown option " + name);
            }
        }
        if (!SCENARIOS.contains(scenario)) {
            throw new IllegalArgumentException("--scenario must be one of " + SCENARIOS + ", was " + scenario);
        }
        if (fault != Fault.NONE && !start) {
            throw new IllegalArgumentException("--fault needs --start: the harness stops and starts the process"
                    + " through the launcher it runs");
        }
        if (fault != Fault.NONE && !scenario.equals("intake") && !scenario.equals("mixed")) {
            throw new IllegalArgumentException("--fault runs during an intake or mixed burst, not " + scenario);
        }
        if (readSample < 0 || readSample > 1) {
            throw new IllegalArgumentException("--read-sample must be between 0 and 1");
        }
        if (faultAt == null) {
            faultAt = duration.dividedBy(3);
        }
        return new Options(scenario, rate, duration, url, start, kafka,
                serviceHost == null ? url.getHost() : serviceHost, connections, maxInFlight, fault, faultAt,
                faultDown, settle, readSample, out, warmup, warmupRate != null ? warmupRate : Math.min(rate, 100),
                direct, botQuestions);
    }

    /** {@code 60s}, {@code 2m}, {@code 500ms} or plain seconds. */
    static Duration duration(String name, String v) {
        String s = v.trim().toLowerCase(Locale.ROOT);
        try {
            if (s.endsWith("ms")) {
                return Duration.ofMillis(Long.parseLong(s.substring(0, s.length() - 2)));
            }
            if (s.endsWith("s")) {
                return Duration.ofSeconds(Long.parseLong(s.substring(0, s.length() - 1)));
            }
            if (s.endsWith("m")) {
                return Duration.ofMinutes(Long.parseLong(s.substring(0, s.length() - 1)));
            }
            return Duration.ofSeconds(Long.parseLong(s));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a duration such as 60s, 2m or 500ms, was " + v);
        }
    }

    private static int positive(String name, String v) {
        try {
            int n = Integer.parseInt(v);
            if (n > 0) {
                return n;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw new IllegalArgumentException(name + " must be a positive whole number, was " + v);
    }

    static String usage() {
        return String.join(System.lineSeparator(),
                "usage: ./bench [--start] [--scenario intake|agents|kb|surveys|mixed|overhead] [--rate N/s] [--duration 60s]",
                "               [--url http://localhost:8080] [--kafka localhost:9092|none] [--connections 128]",
                "               [--fault stop-ticket-service|restart-kafka|stop-kb-service [--fault-at 20s] [--fault-down 10s]]",
                "               [--warmup 20s] [--warmup-rate min(rate,100)] [--settle 120s] [--read-sample 0.05]",
                "               [--via gateway|direct] [--bot-questions] [--out load-harness/target/bench-results]",
                "",
                "  --start   start the embedded default (Kafka, the store, every service) in this JVM, exactly as ./sori",
                "            does, and stop it when the run is over; needed by --fault.",
                "  --bot-questions  intake: every other chat and talk message asks the chatbot an FAQ question instead",
                "            of asking for a person (a ticket is expected only where the bot hands off).",
                "  surveys   each arrival answers one survey link; rate x (duration + warm-up) tickets are opened and",
                "            resolved first to issue them (not measured; --settle bounds the seeding).",
                "Prints a summary and writes <out>/<scenario>-<time>/report.json and summary.txt.");
    }
}
