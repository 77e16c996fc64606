package io.sori.loadharness;

import io.sori.events.Topics;
import io.sori.launcher.ServiceSpec;
import io.sori.launcher.SoriStack;
import io.sori.launcher.StackOptions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

/**
 * {@code deploy/prometheus/check-panels}: does every Grafana panel return data against a real
 * Prometheus scraping the embedded suite? Starts the suite on free ports (as {@code ./bench --start}),
 * starts Prometheus with a scrape job like {@code deploy/prometheus/prometheus.yml}'s but pointing at
 * those ports (the gateway's management port for the gateway) and the repository's alert rules,
 * drives a little of everything a contact center does through the gateway, then evaluates every
 * {@code expr} of every panel in {@code deploy/grafana/dashboards/*.json} through Prometheus' HTTP API
 * with Grafana's variables filled in. Exit status 1 when a panel has no data or a rule is unhealthy.
 *
 * <p>The traffic makes the rare events happen rather than leaving their panels empty: a customer is
 * blocked and tries again, a malformed event is dead-lettered, survey links are answered; the SLA and
 * idle-conversation panels need the short windows {@code check-panels} sets in the environment.
 */
public final class PanelCheck {

    private static final Duration SCRAPE = Duration.ofSeconds(5);
    /** Grafana's {@code $__rate_interval} for a 5 s scrape is at least four scrapes; one minute is what a panel shows. */
    private static final String RATE_INTERVAL = "1m";

    private final Path home;
    private final Path work;
    private final String prometheusBinary;
    private final Duration traffic;
    private final Duration idle;
    private SoriStack stack;
    private Process prometheus;

    private PanelCheck(Path home, Path work, String prometheusBinary, Duration traffic, Duration idle) {
        this.home = home;
        this.work = work;
        this.prometheusBinary = prometheusBinary;
        this.traffic = traffic;
        this.idle = idle;
    }

    public static void main(String[] args) throws Exception {
        String binary = "prometheus";
        Duration traffic = Duration.ofSeconds(30);
        Duration idle = Duration.ofSeconds(40);
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--prometheus" -> binary = args[i + 1];
                case "--traffic" -> traffic = Options.duration(args[i], args[i + 1]);
                case "--wait" -> idle = Options.duration(args[i], args[i + 1]);
                default -> {
                    System.err.println("usage: check-panels [--prometheus /usr/bin/prometheus] [--traffic 30s] [--wait 40s]");
                    System.exit(2);
                }
            }
        }
        Path home = Path.of(System.getenv().getOrDefault("SORI_HOME", ".")).toAbsolutePath().normalize();
        Path work = home.resolve("load-harness/target/panel-check/" + Long.toString(System.currentTimeMillis(), 36));
        PanelCheck check = new PanelCheck(home, work, binary, traffic, idle);
        Runtime.getRuntime().addShutdownHook(new Thread(check::stop, "panel-check-stop"));
        int status;
        try {
            status = check.run();
        } finally {
            check.stop();
        }
        System.exit(status);
    }

    private int run() throws Exception {
        Files.createDirectories(work);
        stack = SoriStack.start(StackOptions.fromEnvironment(System.getenv()).randomPorts(true)
                .dataDir(work.resolve("data")).logDir(work.resolve("logs")).build());
        int port = freePort();
        Path config = writeConfig();
        say("prometheus on 127.0.0.1:%d scraping every %d s (%s)", port, SCRAPE.toSeconds(), config);
        prometheus = new ProcessBuilder(prometheusBinary, "--config.file=" + config,
                "--storage.tsdb.path=" + work.resolve("tsdb"), "--web.listen-address=127.0.0.1:" + port,
                "--storage.tsdb.retention.time=1h")
                .redirectErrorStream(true).redirectOutput(work.resolve("prometheus.log").toFile()).start();
        String api = "http://127.0.0.1:" + port;
        Instant started = Instant.now();
        try (Http http = new Http(32)) {
            awaitReady(http, api + "/-/ready", Duration.ofSeconds(60));
            Map<String, String> services = new LinkedHashMap<>();
            for (String module : Target.OUTBOX_SERVICES) {
                services.put(module, "http://127.0.0.1:" + stack.port(module));
            }
            Target target = new Target(stack.gatewayUrl(), services, http);
            target.signIn();
            drive(target);
            say("waiting %d s: idle conversations close, SLA clocks run, Prometheus scrapes", idle.toSeconds());
            // light traffic meanwhile, so the rates over the last minute are not all zero
            Thread background = new Thread(() -> new Arrivals(new KbTraffic(target), target.latencies, 100)
                    .run(2, idle), "panel-check-background");
            background.start();
            background.join();
            Thread.sleep(2 * SCRAPE.toMillis());
            long minutes = Math.max(5, Duration.between(started, Instant.now()).toMinutes() + 1);
            return evaluate(http, api, minutes + "m");
        }
    }

    /** A little of everything, through the gateway, as the suite's users would. */
    private void drive(Target target) throws InterruptedException {
        String runId = "panels-" + Long.toString(System.currentTimeMillis(), 36);
        say("driving: customers on every channel, agents reading, searches (%d s)", traffic.toSeconds());
        Ledger ledger = new Ledger();
        AgentTraffic agents = AgentTraffic.seeded(target);
        new Arrivals(new MixedTraffic(new IntakeTraffic(target, ledger, runId, true), agents, new KbTraffic(target)),
                target.latencies, 500).run(20, traffic);

        List<String> links = SurveyTraffic.seed(target, stack.kafkaBootstrap(), 12, runId, Duration.ofSeconds(90),
                PanelCheck::say);
        say("answering %d survey links", links.size());
        Arrivals answers = new Arrivals(new SurveyTraffic(target, links), target.latencies, 100);
        answers.run(4, Duration.ofSeconds(3));
        answers.drain(Duration.ofSeconds(10));

        block(target, runId);
        deadLetter(runId);
        say("requests so far: %s", target.latencies.overall().statuses());
    }

    /** An agent reports a threat; the customer's next chat is refused (counted), the block is active (a gauge). */
    private void block(Target target, String runId) throws InterruptedException {
        String customer = "panels-blocked-" + runId;
        String report = target.json.writeValueAsString(Map.of("customerId", customer, "reason", "THREAT",
                "evidence", "상담 중 찾아가겠다고 반복해서 협박함", "conversationId", "conv-" + runId));
        Http.Response r = target.http.post(target.gateway + "/api/blocklist/reports", target.agentToken, report)
                .block(Duration.ofSeconds(20));
        say("blocklist report: %s", r == null ? "no answer" : r.status());
        String chat = target.json.writeValueAsString(Map.of("customerId", customer, "text", "다시 연결해 주세요"));
        for (int i = 0; i < 60; i++) {
            Http.Response c = target.http.post(target.gateway + "/api/channels/chat/messages", target.channelToken,
                    chat).block(Duration.ofSeconds(20));
            if (c != null && c.status() == 403) {
                say("the blocked customer's chat was refused");
                return;
            }
            Thread.sleep(1000);
        }
        say("the blocked customer's chat was never refused");
    }

    /** A malformed event on a topic ticket-service consumes: not retried, sent to its dead-letter topic and counted. */
    private void deadLetter(String runId) {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrap());
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(p)) {
            producer.send(new ProducerRecord<>(Topics.CHANNEL_INTERACTIONS, runId, "{ not an event")).get();
            say("a malformed event sent to %s", Topics.CHANNEL_INTERACTIONS);
        } catch (Exception e) {
            say("could not send the malformed event: %s", e);
        }
    }

    private int evaluate(Http http, String api, String range) throws IOException {
        List<String> lines = new ArrayList<>();
        int empty = 0;
        int panels = 0;
        List<Path> dashboards;
        try (Stream<Path> files = Files.list(home.resolve("deploy/grafana/dashboards"))) {
            dashboards = files.filter(f -> f.toString().endsWith(".json")).sorted().toList();
        }
        tools.jackson.databind.json.JsonMapper json = tools.jackson.databind.json.JsonMapper.builder().build();
        for (Path dashboard : dashboards) {
            lines.add(dashboard.getFileName().toString() + " (range " + range + ", rate interval " + RATE_INTERVAL + ")");
            for (JsonNode panel : panelsOf(json.readTree(dashboard.toFile()))) {
                for (JsonNode t : panel.path("targets")) {
                    String expr = t.path("expr").asString("");
                    if (expr.isBlank()) {
                        continue;
                    }
                    panels++;
                    String query = expr.replace("$__rate_interval", RATE_INTERVAL).replace("$__range", range)
                            .replace("$__interval", SCRAPE.toSeconds() + "s").replace("$service", ".*");
                    Http.Response r = http.get(api + "/api/v1/query?query=" + URLEncoder.encode(query,
                            StandardCharsets.UTF_8), null).block(Duration.ofSeconds(30));
                    String verdict;
                    if (r == null || !r.ok()) {
                        verdict = "ERROR " + (r == null ? "no answer" : r.status() + " " + r.body());
                        empty++;
                    } else {
                        JsonNode result = json.readTree(r.body()).path("data").path("result");
                        if (result.isEmpty()) {
                            verdict = "NO DATA";
                            empty++;
                        } else {
                            verdict = "ok   " + result.size() + " series: " + sample(result);
                        }
                    }
                    lines.add(String.format(Locale.ROOT, "  %-8s %-48s %s", verdict.startsWith("ok") ? "ok" : verdict
                            .split(" ")[0], panel.path("title").asString(""), verdict.startsWith("ok")
                            ? verdict.substring(5) : verdict + "  <- " + expr));
                }
            }
        }
        int unhealthy = rules(http, api, json, lines);
        lines.add(String.format(Locale.ROOT, "%d panel queries, %d without data; %d alert rules unhealthy", panels,
                empty, unhealthy));
        String text = String.join(System.lineSeparator(), lines) + System.lineSeparator();
        Files.writeString(work.resolve("panels.txt"), text, StandardCharsets.UTF_8);
        System.out.println();
        System.out.print(text);
        System.out.println("written to " + work.resolve("panels.txt"));
        return empty == 0 && unhealthy == 0 ? 0 : 1;
    }

    /** The repository's alert rules, loaded by this Prometheus: each evaluated without error. */
    private static int rules(Http http, String api, tools.jackson.databind.json.JsonMapper json, List<String> lines) {
        Http.Response r = http.get(api + "/api/v1/rules", null).block(Duration.ofSeconds(30));
        if (r == null || !r.ok()) {
            lines.add("alert rules: could not be read");
            return 1;
        }
        int rules = 0;
        int unhealthy = 0;
        for (JsonNode group : json.readTree(r.body()).path("data").path("groups")) {
            for (JsonNode rule : group.path("rules")) {
                rules++;
                if (!rule.path("health").asString("").equals("ok")) {
                    unhealthy++;
                    lines.add("  rule " + rule.path("name").asString() + ": " + rule.path("health").asString() + " "
                            + rule.path("lastError").asString(""));
                }
            }
        }
        lines.add(String.format(Locale.ROOT, "alert rules: %d loaded from deploy/prometheus/alerts.yml, %d unhealthy",
                rules, unhealthy));
        return unhealthy;
    }

    /** Up to three series as {@code {labels} = value}. */
    private static String sample(JsonNode result) {
        List<String> shown = new ArrayList<>();
        for (int i = 0; i < Math.min(3, result.size()); i++) {
            JsonNode series = result.get(i);
            JsonNode value = series.path("value");
            shown.add(series.path("metric").toString() + " = " + (value.isArray() && value.size() > 1
                    ? value.get(1).asString() : "?"));
        }
        return String.join(", ", shown) + (result.size() > 3 ? ", ..." : "");
    }

    private static List<JsonNode> panelsOf(JsonNode dashboard) {
        List<JsonNode> all = new ArrayList<>();
        collect(dashboard.path("panels"), all);
        return all;
    }

    private static void collect(JsonNode panels, List<JsonNode> into) {
        for (JsonNode p : panels) {
            into.add(p);
            collect(p.path("panels"), into); // a collapsed row keeps its panels inside
        }
    }

    /** The compose stack's scrape job, pointed at this suite's ports; the gateway on its management port. */
    private Path writeConfig() throws IOException {
        StringBuilder yml = new StringBuilder();
        yml.append("# written by deploy/prometheus/check-panels for one check; see deploy/prometheus/prometheus.yml\n")
                .append("global:\n  scrape_interval: ").append(SCRAPE.toSeconds()).append("s\n")
                .append("  evaluation_interval: ").append(SCRAPE.toSeconds()).append("s\n")
                .append("rule_files:\n  - ").append(home.resolve("deploy/prometheus/alerts.yml")).append('\n')
                .append("scrape_configs:\n  - job_name: sori\n    metrics_path: /actuator/prometheus\n")
                .append("    static_configs:\n");
        for (ServiceSpec spec : stack.options().services()) {
            int port = spec.module().equals(ServiceSpec.GATEWAY) ? stack.port("gateway-management")
                    : stack.port(spec.module());
            yml.append("      - targets: [\"127.0.0.1:").append(port).append("\"]\n")
                    .append("        labels: {service: ").append(spec.module()).append("}\n");
        }
        Path config = work.resolve("prometheus.yml");
        Files.writeString(config, yml.toString(), StandardCharsets.UTF_8);
        return config;
    }

    private static void awaitReady(Http http, String url, Duration atMost) throws InterruptedException {
        long deadline = System.nanoTime() + atMost.toNanos();
        while (System.nanoTime() < deadline) {
            Http.Response r = http.get(url, null).onErrorResume(e -> Mono.empty()).block(Duration.ofSeconds(5));
            if (r != null && r.ok()) {
                return;
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("prometheus did not answer ready at " + url + " within " + atMost);
    }

    private static int freePort() {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private synchronized void stop() {
        if (prometheus != null) {
            prometheus.destroy();
            prometheus = null;
        }
        if (stack != null) {
            stack.close();
        }
    }

    private static void say(String format, Object... args) {
        System.out.println("[panels] " + String.format(Locale.ROOT, format, args));
    }
}
