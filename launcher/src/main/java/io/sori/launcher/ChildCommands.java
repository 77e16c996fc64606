package io.sori.launcher;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Command lines and environments of the child JVMs. Pure functions, so they can be unit-tested. */
final class ChildCommands {

    /** Kafka's own scripts default to 1 GB; a development broker is happy with half of it. */
    static final List<String> KAFKA_JAVA_OPTS = List.of(
            "-Xms64m", "-Xmx512m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Djava.awt.headless=true");

    static final List<String> MONGO_JAVA_OPTS = List.of(
            "-Xms32m", "-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1");

    /** Korean text in logs and on stdout must not depend on the machine's locale (Java 17 still does). */
    static final String UTF8 = "-Dfile.encoding=UTF-8";

    static final String CHILD_LOG_CONFIG = "-Dlog4j2.configurationFile=sori-child-log4j2.properties";

    private ChildCommands() {
    }

    static Path launcherJar(Path home) {
        return home.resolve("launcher").resolve("target").resolve("sori-launcher.jar");
    }

    static Path libDir(Path home) {
        return home.resolve("launcher").resolve("target").resolve("lib");
    }

    /** The packaged launcher, never the caller's classpath: a test JVM's classpath says nothing about ours. */
    static String childClasspath(Path home) {
        return launcherJar(home) + File.pathSeparator + libDir(home).resolve("*");
    }

    static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    static List<String> kafkaFormat(Path home, String clusterId, Path serverProperties) {
        List<String> cmd = jvm(home, KAFKA_JAVA_OPTS);
        cmd.addAll(List.of("kafka.tools.StorageTool", "format", "-t", clusterId, "-c", serverProperties.toString()));
        return cmd;
    }

    static List<String> kafkaBroker(Path home, Path serverProperties) {
        List<String> cmd = jvm(home, KAFKA_JAVA_OPTS);
        cmd.addAll(List.of("kafka.Kafka", serverProperties.toString()));
        return cmd;
    }

    static List<String> mongo(Path home, int port, Path file) {
        List<String> cmd = jvm(home, MONGO_JAVA_OPTS);
        cmd.addAll(List.of(EmbeddedMongo.class.getName(), "127.0.0.1", String.valueOf(port), file.toString()));
        return cmd;
    }

    static List<String> service(ServiceSpec spec, Path home, List<String> javaOpts) {
        return service(spec, home, javaOpts, List.of("-jar", spec.jar(home).toString()));
    }

    /** @param launch how the jar is run: {@code -jar <jar>}, or what {@link ClassDataSharing#launch} chose */
    static List<String> service(ServiceSpec spec, Path home, List<String> javaOpts, List<String> launch) {
        List<String> cmd = new ArrayList<>();
        cmd.add(java());
        cmd.add(UTF8); // first, so SORI_JAVA_OPTS can still override it
        cmd.addAll(javaOpts);
        cmd.addAll(launch);
        return cmd;
    }

    static Map<String, String> serviceEnvironment(ServiceSpec spec, List<ServiceSpec> all, PortPlan ports,
                                                  String kafkaBootstrap, String mongoUri) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("SERVER_PORT", String.valueOf(ports.port(spec.module())));
        env.put("SORI_KAFKA_BOOTSTRAP", kafkaBootstrap);
        env.put("SORI_MONGODB_URI", mongoUri);
        // the embedded default: the gateway's token desk is on, and the built-in secret may sign (nowhere else)
        env.put("SORI_DEV_TOKENS", "true");
        if (spec.module().equals(ServiceSpec.GATEWAY) && ports.has(PortPlan.GATEWAY_MANAGEMENT)) {
            env.put("SORI_GATEWAY_MANAGEMENT_PORT", String.valueOf(ports.port(PortPlan.GATEWAY_MANAGEMENT)));
        }
        // JSON lines in the log files: greppable, and what a log shipper expects
        env.put("LOGGING_STRUCTURED_FORMAT_CONSOLE", "ecs");
        if (spec.getsUpstream()) {
            for (ServiceSpec upstream : all) {
                if (upstream.urlEnv() != null) {
                    env.put(upstream.urlEnv(), "http://127.0.0.1:" + ports.port(upstream.module()));
                }
            }
        }
        return env;
    }

    /** Files the child JVMs need; checked up front so a missing build is one clear message. */
    static List<Path> missingFiles(Path home, List<ServiceSpec> services, boolean needLauncherJar) {
        List<Path> missing = new ArrayList<>();
        if (needLauncherJar) {
            if (!Files.isRegularFile(launcherJar(home))) {
                missing.add(launcherJar(home));
            }
            if (!Files.isDirectory(libDir(home))) {
                missing.add(libDir(home));
            }
        }
        for (ServiceSpec s : services) {
            if (!Files.isRegularFile(s.jar(home))) {
                missing.add(s.jar(home));
            }
        }
        return missing;
    }

    private static List<String> jvm(Path home, List<String> opts) {
        List<String> cmd = new ArrayList<>();
        cmd.add(java());
        cmd.addAll(opts);
        cmd.add(UTF8);
        cmd.add(CHILD_LOG_CONFIG);
        cmd.add("-cp");
        cmd.add(childClasspath(home));
        return cmd;
    }
}
