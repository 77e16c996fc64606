package io.sori.launcher;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * One Spring Boot process of the suite, started as {@code java -jar <home>/<module>/target/<module>.jar}.
 *
 * @param module       Maven module name; also the process name, log file name and jar name
 * @param defaultPort  port used unless random ports are asked for
 * @param urlEnv       variable that carries this service's base URL to the processes that call it
 *                     ({@code null} when nobody calls it directly)
 * @param getsUpstream whether this process receives every other process's {@code urlEnv}
 */
public record ServiceSpec(String module, int defaultPort, String urlEnv, boolean getsUpstream) {

    /** Every service answers here with 200 once it can take traffic. */
    public static final String READINESS_PATH = "/actuator/health/readiness";
    /** The gateway's readiness on its public port (its actuator listens on a management port of its own). */
    public static final String GATEWAY_READINESS_PATH = "/readyz";

    /**
     * The suite, in start order; adding a process is one line here. The core-banking simulator stands in
     * for the bank's core system and talks only Kafka, so nobody gets its URL. The gateway comes last: it is
     * the one users hit, so it is started once its upstreams are on their way.
     */
    public static final List<ServiceSpec> SUITE = List.of(
            new ServiceSpec("ticket-service", 8082, "SORI_TICKET_URL", false),
            new ServiceSpec("channel-service", 8081, "SORI_CHANNEL_URL", true),
            new ServiceSpec("kb-service", 8083, "SORI_KB_URL", false),
            new ServiceSpec("survey-service", 8084, "SORI_SURVEY_URL", false),
            new ServiceSpec("blocklist-service", 8085, "SORI_BLOCKLIST_URL", false),
            new ServiceSpec("core-banking-simulator", 8086, null, false),
            new ServiceSpec("gateway", 8080, null, true));

    public static final String GATEWAY = "gateway";

    public ServiceSpec {
        Objects.requireNonNull(module, "module");
        if (defaultPort <= 0 || defaultPort > 65535) {
            throw new IllegalArgumentException("bad port for " + module + ": " + defaultPort);
        }
    }

    /** Where this process answers 200 on its own port once it can take traffic. */
    public String readinessPath() {
        return module.equals(GATEWAY) ? GATEWAY_READINESS_PATH : READINESS_PATH;
    }

    public Path jar(Path home) {
        return home.resolve(module).resolve("target").resolve(module + ".jar");
    }
}
