package io.sori.launcher;

import de.bwaldvogel.mongo.MongoServer;
import io.sori.embeddedstore.EmbeddedStores;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * A MongoDB-wire-compatible server (mongo-java-server) whose data lives in one H2 MVStore file, so it
 * survives restarts. Run in its own JVM by the launcher: {@code EmbeddedMongo <host> <port> <file>}.
 */
public final class EmbeddedMongo {

    private EmbeddedMongo() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 3) {
            System.err.println("usage: EmbeddedMongo <host> <port> <h2-file>");
            System.exit(2);
        }
        String host = args[0];
        int port = Integer.parseInt(args[1]);
        Path file = Path.of(args[2]).toAbsolutePath();
        Files.createDirectories(file.getParent());

        MongoServer server = new MongoServer(EmbeddedStores.file(file.toString()));
        CountDownLatch stopped = new CountDownLatch(1);
        // SIGTERM from the launcher: stop accepting, then close the backend so the MVStore is written out
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                server.shutdown();
            } finally {
                stopped.countDown();
            }
        }, "mongo-shutdown"));
        server.bind(host, port);
        System.out.println("MongoDB-compatible server listening on " + host + ":" + port + ", data in " + file);
        stopped.await();
    }
}
