package io.sori.launcher;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ServiceTableTest {

    private static final Path HOME = Path.of("/opt/sori").toAbsolutePath();

    @Test
    void theSuiteIsEveryServiceTheGatewayAndTheSimulatedCoreBanking() {
        assertThat(ServiceSpec.SUITE).extracting(ServiceSpec::module).containsExactlyInAnyOrder(
                "gateway", "channel-service", "ticket-service", "kb-service", "survey-service", "blocklist-service",
                "core-banking-simulator");
        assertThat(ServiceSpec.SUITE).extracting(ServiceSpec::defaultPort).doesNotHaveDuplicates()
                .containsExactlyInAnyOrder(8080, 8081, 8082, 8083, 8084, 8085, 8086);
        assertThat(ServiceSpec.SUITE.stream().map(ServiceSpec::urlEnv).filter(Objects::nonNull))
                .containsExactlyInAnyOrder("SORI_CHANNEL_URL", "SORI_TICKET_URL", "SORI_KB_URL",
                        "SORI_SURVEY_URL", "SORI_BLOCKLIST_URL");
    }

    @Test
    void theGatewayStartsLastAndOnlyItAndChannelServiceCallOthers() {
        assertThat(ServiceSpec.SUITE.get(ServiceSpec.SUITE.size() - 1).module()).isEqualTo(ServiceSpec.GATEWAY);
        assertThat(ServiceSpec.SUITE.stream().filter(ServiceSpec::getsUpstream).map(ServiceSpec::module))
                .containsExactlyInAnyOrder("gateway", "channel-service");
    }

    @Test
    void theSimulatedCoreBankingTalksOnlyKafkaSoNobodyGetsItsUrl() {
        PortPlan ports = PortPlan.of(StackOptions.builder().home(HOME).build());
        ServiceSpec core = spec("core-banking-simulator");

        assertThat(core.urlEnv()).isNull();
        assertThat(core.getsUpstream()).isFalse();
        assertThat(ChildCommands.serviceEnvironment(core, ServiceSpec.SUITE, ports, "k:9092", "mongodb://m"))
                .containsEntry("SERVER_PORT", "8086")
                .containsEntry("SORI_KAFKA_BOOTSTRAP", "k:9092")
                .containsEntry("SORI_MONGODB_URI", "mongodb://m")
                .doesNotContainKeys("SORI_CHANNEL_URL", "SORI_TICKET_URL");
    }

    @Test
    void jarsAreTheBootJarsOfEachModule() {
        ServiceSpec ticket = spec("ticket-service");
        assertThat(ticket.jar(HOME)).isEqualTo(HOME.resolve("ticket-service/target/ticket-service.jar"));
    }

    @Test
    void everyServiceGetsItsPortTheBackingStoresAndDevSettings() {
        PortPlan ports = PortPlan.of(StackOptions.builder().home(HOME).build());

        Map<String, String> env = ChildCommands.serviceEnvironment(spec("ticket-service"), ServiceSpec.SUITE, ports,
                "127.0.0.1:9092", "mongodb://127.0.0.1:27017");

        assertThat(env).containsEntry("SERVER_PORT", "8082")
                .containsEntry("SORI_KAFKA_BOOTSTRAP", "127.0.0.1:9092")
                .containsEntry("SORI_MONGODB_URI", "mongodb://127.0.0.1:27017")
                .containsEntry("SORI_DEV_TOKENS", "true")
                .containsEntry("LOGGING_STRUCTURED_FORMAT_CONSOLE", "ecs")
                .doesNotContainKeys("SORI_CHANNEL_URL", "SORI_KB_URL");
    }

    @Test
    void gatewayAndChannelServiceGetEveryUpstreamUrl() {
        PortPlan ports = PortPlan.of(StackOptions.builder().home(HOME).build());

        for (String caller : List.of("gateway", "channel-service")) {
            Map<String, String> env = ChildCommands.serviceEnvironment(spec(caller), ServiceSpec.SUITE, ports,
                    "k:9092", "mongodb://m");
            assertThat(env).as(caller)
                    .containsEntry("SORI_CHANNEL_URL", "http://127.0.0.1:8081")
                    .containsEntry("SORI_TICKET_URL", "http://127.0.0.1:8082")
                    .containsEntry("SORI_KB_URL", "http://127.0.0.1:8083")
                    .containsEntry("SORI_SURVEY_URL", "http://127.0.0.1:8084")
                    .containsEntry("SORI_BLOCKLIST_URL", "http://127.0.0.1:8085");
        }
    }

    @Test
    void upstreamUrlsFollowRandomPorts() {
        PortPlan ports = PortPlan.of(StackOptions.builder().home(HOME).randomPorts(true).build());

        Map<String, String> env = ChildCommands.serviceEnvironment(spec("gateway"), ServiceSpec.SUITE, ports, "k", "m");

        assertThat(env.get("SORI_KB_URL")).isEqualTo("http://127.0.0.1:" + ports.port("kb-service"));
        assertThat(env.get("SERVER_PORT")).isEqualTo(String.valueOf(ports.port("gateway")));
        assertThat(env.get("SORI_GATEWAY_MANAGEMENT_PORT")).isEqualTo(String.valueOf(ports.port("gateway-management")));
    }

    @Test
    void serviceCommandIsJavaWithTheBoundedOptionsAndTheJar() {
        List<String> cmd = ChildCommands.service(spec("kb-service"), HOME, StackOptions.DEFAULT_JAVA_OPTS);

        assertThat(cmd.get(0)).endsWith("java");
        assertThat(cmd).containsSubsequence("-XX:+UseSerialGC", "-Xmx256m", "-XX:TieredStopAtLevel=1");
        assertThat(cmd.subList(cmd.size() - 2, cmd.size()))
                .containsExactly("-jar", HOME.resolve("kb-service/target/kb-service.jar").toString());
    }

    @Test
    void kafkaAndMongoRunFromThePackagedLauncherNotTheCallersClasspath() {
        String cp = ChildCommands.childClasspath(HOME);
        assertThat(cp).contains(HOME.resolve("launcher/target/sori-launcher.jar").toString())
                .contains(HOME.resolve("launcher/target/lib").resolve("*").toString())
                .doesNotContain(System.getProperty("java.class.path"));

        List<String> kafka = ChildCommands.kafkaBroker(HOME, HOME.resolve("data/kafka/server.properties"));
        assertThat(kafka).contains("-Xmx512m").containsSubsequence("-cp", cp, "kafka.Kafka");

        List<String> format = ChildCommands.kafkaFormat(HOME, "abc", Path.of("s.properties"));
        assertThat(format).containsSubsequence("kafka.tools.StorageTool", "format", "-t", "abc", "-c", "s.properties");

        List<String> mongo = ChildCommands.mongo(HOME, 27018, HOME.resolve("data/mongo/sori.mv"));
        assertThat(mongo).containsSubsequence("-cp", cp, "io.sori.launcher.EmbeddedMongo", "127.0.0.1", "27018");
    }

    @Test
    void missingJarsAreListed() {
        assertThat(ChildCommands.missingFiles(HOME, ServiceSpec.SUITE, true))
                .contains(HOME.resolve("gateway/target/gateway.jar"), HOME.resolve("launcher/target/sori-launcher.jar"));
        assertThat(ChildCommands.missingFiles(HOME, List.of(), false)).isEmpty();
    }

    @Test
    void specsRejectImpossiblePorts() {
        assertThatThrownBy(() -> new ServiceSpec("x", 0, null, false)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ServiceSpec("x", 70000, null, false)).isInstanceOf(IllegalArgumentException.class);
    }

    private static ServiceSpec spec(String module) {
        return ServiceSpec.SUITE.stream().filter(s -> s.module().equals(module)).findFirst().orElseThrow();
    }
}
