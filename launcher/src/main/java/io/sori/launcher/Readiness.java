package io.sori.launcher;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** Polls a child until it can take traffic, giving up when it dies or the deadline passes. */
final class Readiness {

    private static final Duration POLL_INTERVAL = Duration.ofMillis(250);

    private final HttpClient http = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(1))
            .version(HttpClient.Version.HTTP_1_1)
            .build();

    /** Kafka and Mongo: accepting connections is all the services need to start retrying against them. */
    void awaitPort(ManagedProcess process, int port, Duration timeout) throws InterruptedException {
        await(process, timeout, () -> portOpen(port), "port " + port);
    }

    /** A service: {@code GET /actuator/health/readiness} answers 200. */
    void awaitHttp200(ManagedProcess process, URI uri, Duration timeout) throws InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(2)).GET().build();
        await(process, timeout, () -> {
            try {
                return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
            } catch (IOException e) {
                return false;
            }
        }, uri.toString());
    }

    static boolean portOpen(int port) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private interface Check {
        boolean ok() throws InterruptedException;
    }

    private static void await(ManagedProcess process, Duration timeout, Check check, String what)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            if (check.ok()) {
                return;
            }
            if (!process.isAlive()) {
                throw new StackException(process.name() + " " + process.exitDescription()
                        + " before " + what + " was ready", process);
            }
            if (System.nanoTime() > deadline) {
                throw new StackException(process.name() + " was not ready at " + what + " within "
                        + timeout.toSeconds() + " s", process);
            }
            Thread.sleep(POLL_INTERVAL.toMillis());
        }
    }
}
