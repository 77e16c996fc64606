package io.sori.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.IntSupplier;

/** Which port every process listens on, decided once before anything starts. */
final class PortPlan {

    static final String KAFKA = "kafka";
    static final String KAFKA_CONTROLLER = "kafka-controller";
    static final String MONGO = "mongo";
    /** The gateway's actuator (metrics, health details), kept off its public port. */
    static final String GATEWAY_MANAGEMENT = "gateway-management";

    static final int DEFAULT_KAFKA_PORT = 9092;
    static final int DEFAULT_KAFKA_CONTROLLER_PORT = 9093;
    static final int DEFAULT_MONGO_PORT = 27017;
    static final int DEFAULT_GATEWAY_MANAGEMENT_PORT = 8090;

    private final Map<String, Integer> ports;

    private PortPlan(Map<String, Integer> ports) {
        this.ports = Collections.unmodifiableMap(ports);
    }

    static PortPlan of(StackOptions options) {
        return of(options, PortPlan::freePort);
    }

    /** Only processes the stack starts itself get a port; external Kafka or Mongo get none. */
    static PortPlan of(StackOptions options, IntSupplier freePort) {
        Map<String, Integer> ports = new LinkedHashMap<>();
        Set<Integer> taken = new HashSet<>();
        IntSupplier distinctFree = () -> {
            // a port the OS just handed out can come back on the next call once its socket is closed
            for (int i = 0; i < 100; i++) {
                int p = freePort.getAsInt();
                if (taken.add(p)) {
                    return p;
                }
            }
            throw new IllegalStateException("could not find enough distinct free ports");
        };
        if (options.embeddedKafka()) {
            ports.put(KAFKA, options.randomPorts() ? distinctFree.getAsInt() : DEFAULT_KAFKA_PORT);
            ports.put(KAFKA_CONTROLLER, options.randomPorts() ? distinctFree.getAsInt() : DEFAULT_KAFKA_CONTROLLER_PORT);
        }
        if (options.embeddedMongo()) {
            ports.put(MONGO, options.randomPorts() ? distinctFree.getAsInt() : DEFAULT_MONGO_PORT);
        }
        for (ServiceSpec s : options.services()) {
            ports.put(s.module(), options.randomPorts() ? distinctFree.getAsInt() : s.defaultPort());
            if (s.module().equals(ServiceSpec.GATEWAY)) {
                ports.put(GATEWAY_MANAGEMENT, options.randomPorts() ? distinctFree.getAsInt()
                        : DEFAULT_GATEWAY_MANAGEMENT_PORT);
            }
        }
        return new PortPlan(ports);
    }

    int port(String name) {
        Integer p = ports.get(name);
        if (p == null) {
            throw new IllegalArgumentException("no port for '" + name + "'; known: " + ports.keySet());
        }
        return p;
    }

    boolean has(String name) {
        return ports.containsKey(name);
    }

    Map<String, Integer> asMap() {
        return ports;
    }

    /** Ports of the plan that something else already listens on: a second Sori, a local Kafka, ... */
    Map<String, Integer> busy() {
        Map<String, Integer> busy = new LinkedHashMap<>();
        ports.forEach((name, port) -> {
            if (!isFree(port)) {
                busy.put(name, port);
            }
        });
        return busy;
    }

    static boolean isFree(int port) {
        // the wildcard address, as the services bind it: this fails whatever interface the other listener uses
        try (ServerSocket s = new ServerSocket(port)) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    static int freePort() {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free port", e);
        }
    }
}
