package io.sori.e2e.compose;

import static org.assertj.core.api.Assertions.assertThat;

import io.sori.e2e.compose.ComposeFile.Service;
import io.sori.e2e.compose.SoriProject.Yamls;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * docker-compose.yml cannot be started on every machine, so this test holds it to what the
 * rest of the project says: each service module's application.yml (port, the SORI_* settings
 * it reads), the root Dockerfile and .dockerignore, the module poms (jar names), and the
 * Prometheus and Grafana configuration under deploy/. Every failure names the two places
 * that disagree.
 */
class ComposeFileTest {

    /** The services the design names; the test also discovers them from the root pom. */
    private static final List<String> SORI_SERVICES = List.of(
            "gateway", "channel-service", "ticket-service", "kb-service", "survey-service", "blocklist-service");

    /**
     * Stand-ins for systems outside the suite (the bank's core system): compose runs them like
     * the services and Prometheus scrapes them, but the gateway neither routes to them nor waits
     * for them — a bank replaces them with its own systems.
     */
    private static final List<String> OUTSIDE_SYSTEM_STAND_INS = List.of("core-banking-simulator");

    private static final String GATEWAY = "gateway";
    private static final String KAFKA_IMAGE = "apache/kafka";
    private static final String MONGO_IMAGE = "mongo";
    private static final String PROMETHEUS_IMAGE = "prom/prometheus";
    private static final String GRAFANA_IMAGE = "grafana/grafana";
    private static final int MONGO_PORT = 27017;
    private static final String SCRAPE_PATH = "/actuator/prometheus";
    private static final String SCRAPE_INTERVAL = "15s";
    private static final int MIN_DASHBOARD_SCHEMA_VERSION = 39;
    private static final String OVERVIEW_DASHBOARD = "sori-overview.json";

    /** What an operator must be warned about. */
    private static final List<String> ALERTED_METRICS = List.of(
            "up", "sori_sla_breaches_total", "sori_events_dead_lettered_total", "sori_outbox_pending");

    /** What the overview dashboard must show. */
    private static final List<String> OVERVIEW_METRICS = List.of(
            "up",
            "http_server_requests_seconds_count",
            "http_server_requests_seconds_bucket",
            "sori_tickets_opened_total",
            "sori_tickets_open",
            "sori_sla_breaches_total",
            "sori_queue_depth",
            "sori_bot_conversations_total",
            "sori_bot_handoffs_total",
            "sori_survey_csat",
            "sori_surveys_answered_total",
            "sori_blocks_active",
            "sori_outbox_pending",
            "sori_events_dead_lettered_total",
            "jvm_memory_used_bytes");

    private static final Pattern MONGO_URI = Pattern.compile("^mongodb://(?:[^@/]*@)?([^/?]+)(?:/[^?]*)?(?:\\?(.*))?$");

    private static SoriProject project;
    private static ComposeFile compose;
    private static List<ServiceModule> modules;

    @BeforeAll
    static void readProject() {
        project = SoriProject.locate();
        Path composeFile = project.resolve("docker-compose.yml");
        assertThat(composeFile).as("docker-compose.yml at the project root %s", project.root()).isRegularFile();
        compose = ComposeFile.load(composeFile);
        modules = project.serviceModules();
    }

    static List<ServiceModule> serviceModules() {
        return SoriProject.locate().serviceModules();
    }

    @Test
    void findsEverySoriServiceAmongTheRootPomModules() {
        Set<String> found = modules.stream().map(ServiceModule::name).collect(Collectors.toCollection(LinkedHashSet::new));
        List<String> expected = new ArrayList<>(SORI_SERVICES);
        expected.addAll(OUTSIDE_SYSTEM_STAND_INS);
        Set<String> missing = new TreeSet<>(expected);
        missing.removeAll(found);
        assertThat(missing)
                .withFailMessage("The root pom's <module> list should contain the Spring Boot services %s "
                        + "(a module with src/main/resources/application.yml and a @SpringBootApplication); "
                        + "not found: %s (found: %s)", expected, missing, found)
                .isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("serviceModules")
    void composeRunsTheServiceTheWayItsModuleIsConfigured(ServiceModule module) {
        Problems problems = new Problems("docker-compose.yml service '" + module.name() + "'");
        Optional<Service> found = compose.service(module.name());
        assertThat(found)
                .withFailMessage("docker-compose.yml has no service '%s' although %s is a Spring Boot service module "
                        + "(compose services: %s)", module.name(), module.name(), compose.serviceNames())
                .isPresent();
        Service service = found.get();
        OptionalInt port = module.port();
        assertThat(port)
                .withFailMessage("%s sets no numeric server.port, so compose cannot publish or probe it", module.relativeYml())
                .isPresent();
        int serverPort = port.getAsInt();

        // the image: one Dockerfile, the module chosen by a build arg
        String context = service.buildContext().orElse(null);
        problems.check(context != null && project.resolve(context).equals(project.root()),
                "build.context is %s; it must be the project root '.' so the Dockerfile finds %s/target/%s.jar",
                context, module.name(), module.name());
        problems.check(module.name().equals(service.buildArgs().get("SERVICE")),
                "build.args.SERVICE is %s; the Dockerfile copies ${SERVICE}/target/${SERVICE}.jar, so it must be '%s'",
                service.buildArgs().get("SERVICE"), module.name());

        // the port
        problems.check(service.ports().stream().anyMatch(p -> p.target() == serverPort && p.published().equals(String.valueOf(serverPort))),
                "publishes %s but %s sets server.port %d (expected \"%d:%d\")",
                service.ports(), module.relativeYml(), serverPort, serverPort, serverPort);
        int actuatorPort = module.actuatorPort().orElse(serverPort);

        // the readiness healthcheck
        Optional<String> health = service.healthcheckCommand();
        if (health.isEmpty()) {
            problems.add("has no healthcheck; it should probe http://localhost:%d/actuator/health/readiness", actuatorPort);
        } else {
            problems.check(health.get().contains("/actuator/health/readiness"),
                    "healthcheck does not probe /actuator/health/readiness: %s", health.get());
            problems.check(Pattern.compile("(localhost|127\\.0\\.0\\.1)[:/]" + actuatorPort + "(?!\\d)").matcher(health.get()).find(),
                    "healthcheck does not target the actuator's localhost port %d from %s: %s", actuatorPort,
                    module.relativeYml(), health.get());
            String tool = service.healthcheckExecutable().orElse("");
            problems.check(!Set.of("curl", "wget").contains(tool),
                    "healthcheck runs %s, which the eclipse-temurin JRE image does not promise; use bash's /dev/tcp", tool);
        }
        Object probes = module.property("management.endpoint.health.probes.enabled");
        problems.check(!"false".equals(String.valueOf(probes)),
                "%s disables management.endpoint.health.probes, so /actuator/health/readiness does not exist", module.relativeYml());

        // memory
        problems.check(service.memoryLimitBytes().isPresent(), "has no mem_limit; the JVM sizes its heap from it");

        // start order: the store and the broker first
        Map<String, String> dependsOn = service.dependsOn();
        for (String infra : List.of(kafkaServiceName(), mongoServiceName())) {
            problems.check("service_healthy".equals(dependsOn.get(infra)),
                    "depends_on %s is %s; it must be {condition: service_healthy} so the service starts against a ready %s",
                    infra, dependsOn.getOrDefault(infra, "missing"), infra);
        }

        // every connection setting the module reads is set, and points where it should
        Map<String, String> env = service.environment();
        for (String setting : module.connectionPlaceholders()) {
            if (env.get(setting) == null || env.get(setting).isBlank()) {
                problems.add("does not set %s, which %s reads (its default %s would point inside the container)",
                        setting, module.relativeYml(), module.placeholderDefault(setting).orElse("(none)"));
            }
        }
        env.forEach((name, value) -> {
            if (value != null && ServiceModule.isConnectionSetting(name)) {
                checkConnectionValue(name, value, problems);
            }
        });

        // the actuator endpoint Prometheus scrapes
        Object exposed = module.property("management.endpoints.web.exposure.include");
        Set<String> exposedIds = exposed == null ? Set.of("health")
                : Arrays.stream(String.valueOf(exposed).replaceAll("[\\[\\]]", "").split(","))
                        .map(String::trim).collect(Collectors.toSet());
        problems.check(exposedIds.contains("prometheus") || exposedIds.contains("*"),
                "Prometheus scrapes %s but %s (and the files it imports) expose only %s",
                SCRAPE_PATH, module.relativeYml(), exposedIds);
        problems.assertNone();
    }

    private static void checkConnectionValue(String setting, String value, Problems problems) {
        switch (setting) {
            case "SORI_KAFKA_BOOTSTRAP" -> {
                Set<String> advertised = advertisedKafkaAddresses();
                for (String address : value.split(",")) {
                    String hostPort = address.trim();
                    problems.check(hostPort.startsWith(kafkaServiceName() + ":"),
                            "%s=%s does not name the compose service '%s'", setting, value, kafkaServiceName());
                    problems.check(advertised.contains(hostPort),
                            "%s=%s is not among the broker's KAFKA_ADVERTISED_LISTENERS %s", setting, value, advertised);
                }
            }
            case "SORI_MONGODB_URI" -> {
                Matcher m = MONGO_URI.matcher(value);
                if (!m.matches()) {
                    problems.add("%s=%s is not a mongodb:// URI", setting, value);
                    return;
                }
                for (String hostPort : m.group(1).split(",")) {
                    String[] parts = hostPort.split(":");
                    problems.check(parts[0].equals(mongoServiceName()),
                            "%s=%s names host %s, not the compose service '%s'", setting, value, parts[0], mongoServiceName());
                    problems.check(parts.length == 1 || parts[1].equals(String.valueOf(MONGO_PORT)),
                            "%s=%s uses port %s, MongoDB listens on %d", setting, value, parts.length > 1 ? parts[1] : "", MONGO_PORT);
                }
                Map<String, String> query = queryParameters(m.group(2));
                Optional<String> replicaSet = mongoReplicaSetName();
                problems.check(replicaSet.isPresent() && replicaSet.get().equals(query.get("replicaSet")),
                        "%s=%s asks for replicaSet=%s but the mongodb service runs --replSet %s",
                        setting, value, query.get("replicaSet"), replicaSet.orElse("(none)"));
            }
            default -> {
                String peer = peerModuleFor(setting).orElse(null);
                if (peer == null) {
                    return; // an outside system; nothing in this project to compare with
                }
                URI uri;
                try {
                    uri = URI.create(value);
                } catch (IllegalArgumentException e) {
                    problems.add("%s=%s is not a URL", setting, value);
                    return;
                }
                int peerPort = modules.stream().filter(m -> m.name().equals(peer)).findFirst()
                        .flatMap(m -> m.port().isPresent() ? Optional.of(m.port().getAsInt()) : Optional.empty())
                        .orElse(-1);
                problems.check(peer.equals(uri.getHost()) && uri.getPort() == peerPort && "http".equals(uri.getScheme()),
                        "%s=%s should be http://%s:%d (the compose service '%s' and the server.port in %s/src/main/resources/application.yml)",
                        setting, value, peer, peerPort, peer, peer);
                problems.check(compose.service(peer).isPresent(),
                        "%s points at %s, which is not a compose service", setting, peer);
            }
        }
    }

    @Test
    void gatewayRoutesToEveryOtherServiceAndWaitsUntilTheyAreReadyButNotToStandInsForOutsideSystems() {
        ServiceModule gateway = modules.stream().filter(m -> m.name().equals(GATEWAY)).findFirst()
                .orElseThrow(() -> new AssertionError("no gateway service module among " + modules));
        Service service = compose.service(GATEWAY)
                .orElseThrow(() -> new AssertionError("docker-compose.yml has no '" + GATEWAY + "' service"));
        Problems problems = new Problems("the gateway");
        Map<String, String> routedPeers = new LinkedHashMap<>();
        for (String setting : gateway.connectionPlaceholders()) {
            peerModuleFor(setting).ifPresent(peer -> routedPeers.put(peer, setting));
        }
        Map<String, String> env = service.environment();
        for (ServiceModule peer : modules) {
            if (peer.name().equals(GATEWAY)) {
                continue;
            }
            if (OUTSIDE_SYSTEM_STAND_INS.contains(peer.name())) {
                problems.check(!routedPeers.containsKey(peer.name()),
                        "%s routes to %s, a stand-in for a system outside the suite that nobody calls over HTTP",
                        gateway.relativeYml(), peer.name());
                problems.check(!service.dependsOn().containsKey(peer.name()),
                        "docker-compose.yml: the gateway depends_on %s, a stand-in for a system outside the suite; "
                                + "the gateway must start without it", peer.name());
                continue;
            }
            String setting = routedPeers.get(peer.name());
            problems.check(setting != null,
                    "%s reads no SORI_*_URL for %s, so the gateway cannot route to it", gateway.relativeYml(), peer.name());
            if (setting != null) {
                String expected = "http://" + peer.name() + ":" + peer.port().orElse(-1);
                problems.check(expected.equals(env.get(setting)),
                        "docker-compose.yml sets %s=%s on the gateway; the upstream is %s", setting, env.get(setting), expected);
            }
            problems.check("service_healthy".equals(service.dependsOn().get(peer.name())),
                    "docker-compose.yml: the gateway should depend_on %s with condition service_healthy (it is %s)",
                    peer.name(), service.dependsOn().getOrDefault(peer.name(), "missing"));
        }
        problems.assertNone();
    }

    @Test
    void kafkaIsASingleNodeKRaftBrokerThatAdvertisesItsComposeName() {
        Service kafka = compose.serviceByImage(KAFKA_IMAGE)
                .orElseThrow(() -> new AssertionError("docker-compose.yml runs no " + KAFKA_IMAGE + " image"));
        Problems problems = new Problems("docker-compose.yml service '" + kafka.name() + "'");
        Map<String, String> env = kafka.environment();
        Set<String> roles = csv(env.get("KAFKA_PROCESS_ROLES"));
        problems.check(roles.equals(Set.of("broker", "controller")),
                "KAFKA_PROCESS_ROLES is %s; a single KRaft node must be broker,controller", env.get("KAFKA_PROCESS_ROLES"));
        String nodeId = env.get("KAFKA_NODE_ID");
        problems.check(nodeId != null && nodeId.matches("\\d+"), "KAFKA_NODE_ID is %s", nodeId);

        Map<String, String> listeners = listeners(env.get("KAFKA_LISTENERS"));
        String controllerName = env.getOrDefault("KAFKA_CONTROLLER_LISTENER_NAMES", "CONTROLLER");
        String controllerPort = Optional.ofNullable(listeners.get(controllerName)).map(a -> a.substring(a.lastIndexOf(':') + 1)).orElse(null);
        problems.check(controllerPort != null, "KAFKA_LISTENERS %s has no %s listener", env.get("KAFKA_LISTENERS"), controllerName);
        String voter = nodeId + "@" + kafka.name() + ":" + controllerPort;
        problems.check(csv(env.get("KAFKA_CONTROLLER_QUORUM_VOTERS")).contains(voter),
                "KAFKA_CONTROLLER_QUORUM_VOTERS is %s; this node votes as %s (KAFKA_NODE_ID @ service name : %s port)",
                env.get("KAFKA_CONTROLLER_QUORUM_VOTERS"), voter, controllerName);

        for (String address : advertisedKafkaAddresses()) {
            problems.check(address.startsWith(kafka.name() + ":"),
                    "KAFKA_ADVERTISED_LISTENERS advertises %s; other containers can only reach '%s'", address, kafka.name());
        }
        for (String factor : List.of("KAFKA_OFFSETS_TOPIC_REPLICATION_FACTOR", "KAFKA_TRANSACTION_STATE_LOG_REPLICATION_FACTOR")) {
            problems.check("1".equals(env.get(factor)),
                    "%s is %s; with one broker it must be 1 or the internal topic is never created", factor, env.get(factor));
        }
        String minIsr = env.get("KAFKA_TRANSACTION_STATE_LOG_MIN_ISR");
        problems.check(minIsr == null || "1".equals(minIsr), "KAFKA_TRANSACTION_STATE_LOG_MIN_ISR is %s on one broker", minIsr);
        String logDirs = env.get("KAFKA_LOG_DIRS");
        problems.check(logDirs == null || kafka.mounts().stream().anyMatch(m -> m.target().equals(logDirs)),
                "KAFKA_LOG_DIRS is %s but no volume is mounted there, so topics vanish with the container", logDirs);
        problems.check(kafka.healthcheckCommand().isPresent(), "has no healthcheck, so service_healthy can never hold");
        problems.check(kafka.memoryLimitBytes().isPresent(), "has no mem_limit");

        // the topics the services create must fit on one broker
        for (ServiceModule module : modules) {
            if (!module.placeholders().contains("SORI_KAFKA_REPLICAS")) {
                continue;
            }
            String replicas = compose.service(module.name()).map(s -> s.environment().get("SORI_KAFKA_REPLICAS"))
                    .orElse(module.placeholderDefault("SORI_KAFKA_REPLICAS").orElse("1"));
            problems.check(replicas.matches("\\d+") && Integer.parseInt(replicas) <= 1,
                    "%s creates topics with SORI_KAFKA_REPLICAS=%s, more than the one broker compose runs",
                    module.name(), replicas);
        }
        problems.assertNone();
    }

    @Test
    void mongodbIsAReplicaSetWhoseMemberNameTheServicesCanResolve() {
        Service mongo = compose.serviceByImage(MONGO_IMAGE)
                .orElseThrow(() -> new AssertionError("docker-compose.yml runs no " + MONGO_IMAGE + " image"));
        Problems problems = new Problems("docker-compose.yml service '" + mongo.name() + "'");
        Optional<String> replicaSet = mongoReplicaSetName();
        problems.check(replicaSet.isPresent(),
                "command %s declares no --replSet; the services connect with ?replicaSet= and the outbox relies on a replica set",
                mongo.command());
        problems.check(mongo.command().contains("--bind_ip_all"),
                "command %s lacks --bind_ip_all, so other containers cannot connect", mongo.command());
        String health = mongo.healthcheckCommand().orElse("");
        problems.check(health.contains("rs.initiate"),
                "healthcheck does not initiate the replica set, so it never gets a primary: %s", health);
        String initiatedSet = firstGroup("_id\\s*:\\s*['\"]([^'\"]+)['\"]", health);
        problems.check(initiatedSet != null && initiatedSet.equals(replicaSet.orElse(null)),
                "healthcheck initiates replica set %s but the command runs --replSet %s",
                initiatedSet, replicaSet.orElse("(none)"));
        String memberHost = firstGroup("host\\s*:\\s*['\"]([^'\"]+)['\"]", health);
        String expectedHost = mongo.name() + ":" + MONGO_PORT;
        problems.check(expectedHost.equals(memberHost),
                "healthcheck registers the member as %s; drivers in the other containers connect to the name the "
                        + "replica set advertises, which must be %s", memberHost, expectedHost);
        problems.check(mongo.memoryLimitBytes().isPresent(), "has no mem_limit");
        problems.check(mongo.mounts().stream().anyMatch(m -> m.target().equals("/data/db")),
                "mounts no volume at /data/db, so the data vanishes with the container");
        problems.assertNone();
    }

    @Test
    void everyContainerHasAMemoryLimitAndEverythingItUsesIsDeclared() {
        Problems problems = new Problems("docker-compose.yml");
        Set<String> services = compose.serviceNames();
        for (Service service : compose.services()) {
            problems.check(service.memoryLimitBytes().isPresent(), "service '%s' has no mem_limit", service.name());
            for (ComposeFile.Mount mount : service.mounts()) {
                if (mount.bind()) {
                    problems.check(Files.exists(project.resolve(mount.source())),
                            "service '%s' mounts %s, which does not exist in the project", service.name(), mount.source());
                } else if (!mount.source().isEmpty()) {
                    problems.check(compose.declaredVolumes().contains(mount.source()),
                            "service '%s' uses volume '%s', which the top-level volumes: does not declare %s",
                            service.name(), mount.source(), compose.declaredVolumes());
                }
            }
            for (String network : service.networks()) {
                problems.check(compose.declaredNetworks().contains(network),
                        "service '%s' joins network '%s', which the top-level networks: does not declare", service.name(), network);
            }
            service.dependsOn().forEach((dependency, condition) -> {
                problems.check(services.contains(dependency),
                        "service '%s' depends on '%s', which is not a service", service.name(), dependency);
                if ("service_healthy".equals(condition)) {
                    problems.check(compose.service(dependency).flatMap(Service::healthcheckCommand).isPresent(),
                            "service '%s' waits for '%s' to be healthy, but '%s' has no healthcheck",
                            service.name(), dependency, dependency);
                }
            });
        }
        problems.assertNone();
    }

    @Test
    void prometheusScrapesEveryServiceEveryFifteenSecondsAndLoadsTheAlertRules() {
        Service prometheus = compose.serviceByImage(PROMETHEUS_IMAGE)
                .orElseThrow(() -> new AssertionError("docker-compose.yml runs no " + PROMETHEUS_IMAGE + " image"));
        Problems problems = new Problems("Prometheus");
        String configPath = flag(prometheus.command(), "--config.file").orElse("/etc/prometheus/prometheus.yml");
        Path configFile = prometheus.hostPath(project.root(), configPath)
                .orElseThrow(() -> new AssertionError("docker-compose.yml: service '" + prometheus.name()
                        + "' reads " + configPath + " but mounts no project folder there"));
        Map<String, Object> config = Yamls.load(configFile);
        String where = project.root().relativize(configFile).toString();
        String globalInterval = String.valueOf(Yamls.lookup(config, "global.scrape_interval"));

        for (ServiceModule module : modules) {
            String target = module.name() + ":" + module.actuatorPort().orElse(-1);
            boolean scraped = false;
            for (Object job : Yamls.list(config.get("scrape_configs"))) {
                Map<String, Object> jobConfig = Yamls.map(job);
                for (Object staticConfig : Yamls.list(jobConfig.get("static_configs"))) {
                    Map<String, Object> sc = Yamls.map(staticConfig);
                    if (!Yamls.list(sc.get("targets")).stream().map(String::valueOf).toList().contains(target)) {
                        continue;
                    }
                    scraped = true;
                    String jobName = String.valueOf(jobConfig.get("job_name"));
                    problems.check(SCRAPE_PATH.equals(jobConfig.get("metrics_path")),
                            "%s: job '%s' scrapes %s at %s, the services serve %s",
                            where, jobName, target, jobConfig.getOrDefault("metrics_path", "/metrics"), SCRAPE_PATH);
                    String interval = String.valueOf(jobConfig.getOrDefault("scrape_interval", globalInterval));
                    problems.check(SCRAPE_INTERVAL.equals(interval),
                            "%s: job '%s' scrapes %s every %s, not %s", where, jobName, target, interval, SCRAPE_INTERVAL);
                    Object label = Yamls.map(sc.get("labels")).get("service");
                    problems.check(module.name().equals(label),
                            "%s: target %s carries service=\"%s\"; the dashboards and alerts group by the compose service name",
                            where, target, label);
                }
            }
            problems.check(scraped, "%s scrapes no target %s (compose service %s, server.port in %s)",
                    where, target, module.name(), module.relativeYml());
        }

        List<String> alertExpressions = new ArrayList<>();
        for (Object ruleFile : Yamls.list(config.get("rule_files"))) {
            String containerPath = String.valueOf(ruleFile);
            if (!containerPath.startsWith("/")) {
                containerPath = configPath.substring(0, configPath.lastIndexOf('/') + 1) + containerPath;
            }
            Optional<Path> hostFile = prometheus.hostPath(project.root(), containerPath);
            if (hostFile.isEmpty() || !Files.isRegularFile(hostFile.get())) {
                problems.add("%s loads rule file %s, which no mounted project file provides", where, ruleFile);
                continue;
            }
            for (Object group : Yamls.list(Yamls.load(hostFile.get()).get("groups"))) {
                for (Object rule : Yamls.list(Yamls.map(group).get("rules"))) {
                    Map<String, Object> r = Yamls.map(rule);
                    if (r.containsKey("alert")) {
                        alertExpressions.add(String.valueOf(r.get("expr")));
                    }
                }
            }
        }
        for (String metric : ALERTED_METRICS) {
            problems.check(alertExpressions.stream().anyMatch(e -> mentions(e, metric)),
                    "no alert rule loaded by %s watches %s", where, metric);
        }
        problems.assertNone();
    }

    @Test
    void grafanaProvisionsThePrometheusDatasourceAndTheOverviewDashboardUsesIt() throws IOException {
        Service grafana = compose.serviceByImage(GRAFANA_IMAGE)
                .orElseThrow(() -> new AssertionError("docker-compose.yml runs no " + GRAFANA_IMAGE + " image"));
        Service prometheus = compose.serviceByImage(PROMETHEUS_IMAGE)
                .orElseThrow(() -> new AssertionError("docker-compose.yml runs no " + PROMETHEUS_IMAGE + " image"));
        Problems problems = new Problems("Grafana");
        String provisioning = grafana.environment().getOrDefault("GF_PATHS_PROVISIONING", "/etc/grafana/provisioning");
        Path provisioningDir = grafana.hostPath(project.root(), provisioning)
                .filter(Files::isDirectory)
                .orElseThrow(() -> new AssertionError("docker-compose.yml: service '" + grafana.name()
                        + "' mounts no project folder at " + provisioning));

        // the datasource
        Set<String> uids = new TreeSet<>();
        String prometheusUrl = "http://" + prometheus.name() + ":"
                + flag(prometheus.command(), "--web.listen-address").map(a -> a.substring(a.lastIndexOf(':') + 1)).orElse("9090");
        for (Path file : yamlFiles(provisioningDir.resolve("datasources"))) {
            for (Object ds : Yamls.list(Yamls.load(file).get("datasources"))) {
                Map<String, Object> datasource = Yamls.map(ds);
                if (!"prometheus".equals(datasource.get("type"))) {
                    continue;
                }
                Object uid = datasource.get("uid");
                problems.check(uid != null && !String.valueOf(uid).isBlank(),
                        "%s: the Prometheus datasource has no fixed uid for dashboards to refer to", rel(file));
                if (uid != null) {
                    uids.add(String.valueOf(uid));
                }
                problems.check(prometheusUrl.equals(String.valueOf(datasource.get("url")).replaceFirst("/$", "")),
                        "%s: datasource url is %s, the compose Prometheus is %s", rel(file), datasource.get("url"), prometheusUrl);
            }
        }
        assertThat(uids)
                .withFailMessage("%s/datasources provisions no Prometheus datasource with a uid", rel(provisioningDir))
                .isNotEmpty();

        // the dashboards
        List<Path> dashboards = new ArrayList<>();
        for (Path file : yamlFiles(provisioningDir.resolve("dashboards"))) {
            for (Object provider : Yamls.list(Yamls.load(file).get("providers"))) {
                Object path = Yamls.lookup(provider, "options.path");
                Optional<Path> folder = grafana.hostPath(project.root(), String.valueOf(path)).filter(Files::isDirectory);
                if (folder.isEmpty()) {
                    problems.add("%s loads dashboards from %s, where docker-compose.yml mounts no project folder", rel(file), path);
                    continue;
                }
                try (Stream<Path> files = Files.list(folder.get())) {
                    files.filter(p -> p.toString().endsWith(".json")).sorted().forEach(dashboards::add);
                }
            }
        }
        problems.check(dashboards.stream().anyMatch(p -> p.getFileName().toString().equals(OVERVIEW_DASHBOARD)),
                "no provisioned dashboard folder holds %s (found %s)", OVERVIEW_DASHBOARD, dashboards);

        JsonMapper json = JsonMapper.builder().build();
        for (Path dashboard : dashboards) {
            JsonNode root;
            try {
                root = json.readTree(dashboard);
            } catch (RuntimeException e) {
                problems.add("%s is not valid JSON: %s", rel(dashboard), e.getMessage());
                continue;
            }
            int schemaVersion = root.path("schemaVersion").asInt(0);
            problems.check(schemaVersion >= MIN_DASHBOARD_SCHEMA_VERSION,
                    "%s has schemaVersion %d, expected at least %d", rel(dashboard), schemaVersion, MIN_DASHBOARD_SCHEMA_VERSION);
            problems.check(!root.path("uid").asString("").isBlank(), "%s has no uid, so its links are not stable", rel(dashboard));
            problems.check(root.path("panels").isArray() && !root.path("panels").isEmpty(), "%s has no panels", rel(dashboard));
            List<String> expressions = new ArrayList<>();
            Map<String, List<String>> foreignDatasources = new LinkedHashMap<>();
            walk(root, "", (path, name, node) -> {
                if (name.equals("datasource")) {
                    foreignDatasource(node, uids).ifPresent(ds -> foreignDatasources.computeIfAbsent(ds, k -> new ArrayList<>()).add(path));
                } else if (name.equals("expr") && node.isString()) {
                    expressions.add(node.asString());
                }
            });
            foreignDatasources.forEach((ds, places) -> problems.add(
                    "%s refers to datasource %s in %d place(s), e.g. %s; Grafana is provisioned with uid %s",
                    rel(dashboard), ds, places.size(), places.get(0), uids));
            if (dashboard.getFileName().toString().equals(OVERVIEW_DASHBOARD)) {
                for (String metric : OVERVIEW_METRICS) {
                    problems.check(expressions.stream().anyMatch(e -> mentions(e, metric)),
                            "%s has no panel querying %s", rel(dashboard), metric);
                }
                problems.check(expressions.stream().anyMatch(e -> mentions(e, "sori_bot_conversations_total") && e.contains("outcome=\"contained\"")),
                        "%s does not show bot containment (sori_bot_conversations_total{outcome=\"contained\"} over all)", rel(dashboard));
            }
        }

        String home = grafana.environment().get("GF_DASHBOARDS_DEFAULT_HOME_DASHBOARD_PATH");
        if (home != null) {
            problems.check(grafana.hostPath(project.root(), home).filter(Files::isRegularFile).isPresent(),
                    "GF_DASHBOARDS_DEFAULT_HOME_DASHBOARD_PATH is %s, which no mounted project file provides", home);
        }
        problems.assertNone();
    }

    /** A Micrometer meter registered in the services' code: {@code counter("sori.x", ...)}, {@code Gauge.builder("sori.x")}, ... */
    private static final Pattern METER = Pattern.compile(
            "(?:counter|gauge|timer|summary|Counter\\.builder|Gauge\\.builder|MultiGauge\\.builder|Timer\\.builder"
                    + "|DistributionSummary\\.builder|FunctionCounter\\.builder)\\(\\s*\"(sori\\.[a-z0-9_.]+)\"");
    /** Prometheus' client drops these from a meter's name (then adds _total to a counter's). */
    private static final List<String> RESERVED_SUFFIXES = List.of("_total", "_created", "_bucket", "_info");
    private static final List<String> SERIES_SUFFIXES = List.of("", "_total", "_seconds", "_seconds_bucket",
            "_seconds_count", "_seconds_sum", "_seconds_max", "_bucket", "_count", "_sum", "_max");

    /**
     * Every sori_* series a dashboard panel or an alert reads is one the services register, under
     * the name Prometheus really exposes (a counter named {@code sori.tickets.created} is scraped as
     * {@code sori_tickets_total}, not {@code sori_tickets_created_total}).
     */
    @Test
    void everySoriSeriesTheDashboardsAndAlertsReadIsOneTheServicesExpose() throws IOException {
        Map<String, String> exposed = new LinkedHashMap<>();
        try (Stream<Path> files = Files.walk(project.root())) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")
                    && f.toString().contains("/src/main/java/")).toList()) {
                Matcher meter = METER.matcher(SoriProject.read(file));
                while (meter.find()) {
                    String base = meter.group(1).replace('.', '_');
                    for (boolean stripped = true; stripped; ) {
                        stripped = false;
                        for (String reserved : RESERVED_SUFFIXES) {
                            if (base.endsWith(reserved)) {
                                base = base.substring(0, base.length() - reserved.length());
                                stripped = true;
                            }
                        }
                    }
                    for (String suffix : SERIES_SUFFIXES) {
                        exposed.putIfAbsent(base + suffix, meter.group(1) + " in " + rel(file));
                    }
                }
            }
        }
        assertThat(exposed).as("meters found in the services' code").containsKey("sori_outbox_pending");

        Map<String, Set<String>> readBy = new LinkedHashMap<>();
        Pattern series = Pattern.compile("\\bsori_[a-z0-9_]+");
        List<Path> sources = new ArrayList<>();
        try (Stream<Path> files = Files.list(project.resolve("deploy/grafana/dashboards"))) {
            files.filter(f -> f.toString().endsWith(".json")).sorted().forEach(sources::add);
        }
        sources.add(project.resolve("deploy/prometheus/alerts.yml"));
        for (Path source : sources) {
            Matcher found = series.matcher(SoriProject.read(source));
            while (found.find()) {
                readBy.computeIfAbsent(found.group(), k -> new TreeSet<>()).add(rel(source));
            }
        }
        Map<String, Set<String>> unknown = new LinkedHashMap<>(readBy);
        unknown.keySet().removeAll(exposed.keySet());
        assertThat(unknown)
                .withFailMessage("read by a dashboard or alert but exposed by no service (series -> where read): %s", unknown)
                .isEmpty();
    }

    @Test
    void theImageRecipeCopiesTheJarEachServiceModuleBuilds() {
        Problems problems = new Problems("The image recipe");
        Path dockerfile = project.resolve("Dockerfile");
        assertThat(dockerfile).as("Dockerfile at the project root, the build context of every service").isRegularFile();
        String recipe = SoriProject.read(dockerfile);
        problems.check(Pattern.compile("(?m)^\\s*ARG\\s+SERVICE\\s*$").matcher(recipe).find(),
                "Dockerfile declares no ARG SERVICE, but docker-compose.yml chooses the service with build.args.SERVICE");
        List<String> stages = Arrays.asList(recipe.split("(?m)(?=^[ \\t]*FROM\\s)"));
        for (int i = 1; i < stages.size(); i++) {
            String stage = stages.get(i);
            Matcher use = Pattern.compile("\\$\\{?SERVICE\\b").matcher(stage);
            Matcher declaration = Pattern.compile("(?m)^\\s*ARG\\s+SERVICE\\b").matcher(stage);
            if (use.find()) {
                problems.check(declaration.find() && declaration.start() < use.start(),
                        "Dockerfile stage '%s' uses ${SERVICE} without its own ARG SERVICE, so it is empty there",
                        stage.lines().findFirst().orElse("").trim());
            }
        }
        problems.check(Pattern.compile("(?m)^\\s*COPY\\s+(--\\S+\\s+)*\\$\\{?SERVICE}?/target/\\$\\{?SERVICE}?\\.jar\\s").matcher(recipe).find(),
                "Dockerfile does not COPY ${SERVICE}/target/${SERVICE}.jar, the jar Maven builds for each service");
        problems.check(recipe.contains("eclipse-temurin:17-jre"),
                "Dockerfile does not run on eclipse-temurin:17-jre; the compose healthchecks rely on its bash");
        Matcher user = Pattern.compile("(?m)^\\s*USER\\s+(\\S+)").matcher(recipe);
        String lastUser = null;
        while (user.find()) {
            lastUser = user.group(1);
        }
        problems.check(lastUser != null && !lastUser.startsWith("root") && !lastUser.startsWith("0"),
                "Dockerfile runs the service as %s; it should switch to an unprivileged USER", lastUser == null ? "root" : lastUser);
        problems.check(recipe.contains("MaxRAMPercentage"),
                "Dockerfile does not size the heap from the container limit (-XX:MaxRAMPercentage)");

        List<String> ignore = Files.isRegularFile(project.resolve(".dockerignore"))
                ? SoriProject.read(project.resolve(".dockerignore")).lines().toList() : List.of();
        for (ServiceModule module : modules) {
            String pom = SoriProject.read(module.dir().resolve("pom.xml"));
            Matcher finalName = Pattern.compile("<finalName>\\s*([^<]+?)\\s*</finalName>").matcher(pom);
            String artifactId = pom.replaceAll("(?s)<parent>.*?</parent>", "")
                    .replaceAll("(?s).*?<artifactId>\\s*([^<]+?)\\s*</artifactId>.*", "$1");
            String jarName = finalName.find() ? finalName.group(1).replace("${project.artifactId}", artifactId) : null;
            problems.check(module.name().equals(jarName),
                    "%s/pom.xml builds %s.jar (finalName %s), but the Dockerfile copies %s/target/%s.jar",
                    module.name(), jarName == null ? artifactId + "-<version>" : jarName, jarName, module.name(), module.name());
            String jar = module.name() + "/target/" + module.name() + ".jar";
            problems.check(!dockerIgnores(ignore, jar), ".dockerignore leaves %s out of the build context", jar);
            compose.service(module.name()).flatMap(Service::dockerfile).ifPresent(other -> problems.check(
                    project.resolve(other).equals(dockerfile),
                    "docker-compose.yml builds %s from %s instead of the shared Dockerfile", module.name(), other));
        }
        problems.assertNone();
    }

    // ---------------------------------------------------------------- helpers

    private static String kafkaServiceName() {
        return compose.serviceByImage(KAFKA_IMAGE).map(Service::name).orElse("kafka");
    }

    private static String mongoServiceName() {
        return compose.serviceByImage(MONGO_IMAGE).map(Service::name).orElse("mongodb");
    }

    private static Optional<String> mongoReplicaSetName() {
        return compose.serviceByImage(MONGO_IMAGE).flatMap(s -> flag(s.command(), "--replSet"));
    }

    private static Set<String> advertisedKafkaAddresses() {
        String advertised = compose.serviceByImage(KAFKA_IMAGE)
                .map(s -> s.environment().get("KAFKA_ADVERTISED_LISTENERS")).orElse(null);
        Set<String> addresses = new TreeSet<>();
        listeners(advertised).values().forEach(addresses::add);
        return addresses;
    }

    /** {@code NAME://host:port,...} to name and host:port. */
    private static Map<String, String> listeners(String value) {
        Map<String, String> result = new LinkedHashMap<>();
        for (String listener : csv(value)) {
            int sep = listener.indexOf("://");
            if (sep > 0) {
                result.put(listener.substring(0, sep), listener.substring(sep + 3));
            }
        }
        return result;
    }

    /**
     * The service module a {@code SORI_<NAME>_URL} setting reaches: {@code <name>-service}
     * or {@code <name>} (SORI_KB_URL is kb-service, SORI_GATEWAY_URL would be gateway).
     */
    private static Optional<String> peerModuleFor(String setting) {
        Matcher m = Pattern.compile("^SORI_([A-Z0-9_]+)_URL$").matcher(setting);
        if (!m.matches()) {
            return Optional.empty();
        }
        String base = m.group(1).toLowerCase(Locale.ROOT).replace('_', '-');
        return modules.stream().map(ServiceModule::name)
                .filter(n -> n.equals(base + "-service") || n.equals(base))
                .findFirst();
    }

    private static Optional<String> flag(List<String> command, String flag) {
        for (int i = 0; i < command.size(); i++) {
            String word = command.get(i);
            if (word.startsWith(flag + "=")) {
                return Optional.of(word.substring(flag.length() + 1));
            }
            if (word.equals(flag) && i + 1 < command.size()) {
                return Optional.of(command.get(i + 1));
            }
        }
        return Optional.empty();
    }

    private static Set<String> csv(String value) {
        if (value == null) {
            return Set.of();
        }
        return Arrays.stream(value.split(",")).map(String::trim).filter(s -> !s.isEmpty())
                .collect(Collectors.toCollection(LinkedHashSet::new));
    }

    private static Map<String, String> queryParameters(String query) {
        Map<String, String> result = new LinkedHashMap<>();
        if (query != null) {
            for (String pair : query.split("&")) {
                int eq = pair.indexOf('=');
                result.put(eq < 0 ? pair : pair.substring(0, eq), eq < 0 ? "" : pair.substring(eq + 1));
            }
        }
        return result;
    }

    /** Whether a PromQL expression selects the metric (not merely a longer name containing it). */
    private static boolean mentions(String expression, String metric) {
        return Pattern.compile("(?<![A-Za-z0-9_:])" + Pattern.quote(metric) + "(?![A-Za-z0-9_:])").matcher(expression).find();
    }

    private static String firstGroup(String regex, String text) {
        Matcher m = Pattern.compile(regex).matcher(text);
        return m.find() ? m.group(1) : null;
    }

    private static List<Path> yamlFiles(Path dir) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.toString().endsWith(".yml") || p.toString().endsWith(".yaml")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String rel(Path file) {
        return project.root().relativize(file).toString();
    }

    /** A datasource reference that is not one of the provisioned uids, described; empty if it is fine. */
    private static Optional<String> foreignDatasource(JsonNode node, Set<String> uids) {
        if (node.isNull()) {
            return Optional.empty();
        }
        if (node.isString()) {
            return Optional.of("\"" + node.asString() + "\" by name");
        }
        String type = node.path("type").asString("");
        String uid = node.path("uid").asString("");
        if (type.equals("grafana") || type.equals("datasource") || uid.startsWith("-- ")) {
            return Optional.empty(); // Grafana's own annotations and mixed-datasource markers
        }
        return uids.contains(uid) ? Optional.empty() : Optional.of("uid \"" + uid + "\"");
    }

    private interface Visitor {
        void visit(String path, String name, JsonNode node);
    }

    private static void walk(JsonNode node, String path, Visitor visitor) {
        if (node.isObject()) {
            String here = node.has("title") ? path + " (panel \"" + node.path("title").asString("") + "\")" : path;
            for (Map.Entry<String, JsonNode> property : node.properties()) {
                visitor.visit(here, property.getKey(), property.getValue());
                walk(property.getValue(), path + "." + property.getKey(), visitor);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                walk(node.get(i), path + "[" + i + "]", visitor);
            }
        }
    }

    /** Docker's .dockerignore: the last pattern matching the path or one of its parents decides. */
    static boolean dockerIgnores(List<String> lines, String path) {
        boolean ignored = false;
        for (String raw : lines) {
            String pattern = raw.trim();
            if (pattern.isEmpty() || pattern.startsWith("#")) {
                continue;
            }
            boolean exception = pattern.startsWith("!");
            if (exception) {
                pattern = pattern.substring(1).trim();
            }
            pattern = pattern.replaceFirst("^/+", "").replaceFirst("/+$", "");
            PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + pattern);
            Path candidate = Path.of(path);
            boolean matches = false;
            for (Path p = candidate; p != null && !matches; p = p.getParent()) {
                matches = matcher.matches(p);
            }
            if (matches) {
                ignored = !exception;
            }
        }
        return ignored;
    }

    /** Inconsistencies found by one test, reported together so one run shows them all. */
    private static final class Problems {

        private final String subject;
        private final List<String> items = new ArrayList<>();

        Problems(String subject) {
            this.subject = subject;
        }

        void check(boolean consistent, String message, Object... args) {
            if (!consistent) {
                add(message, args);
            }
        }

        void add(String message, Object... args) {
            items.add(String.format(message, args));
        }

        void assertNone() {
            assertThat(items)
                    .withFailMessage("%s is inconsistent with the project:%n  - %s", subject, String.join(System.lineSeparator() + "  - ", items))
                    .isEmpty();
        }
    }
}
