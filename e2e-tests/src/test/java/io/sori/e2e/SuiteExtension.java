package io.sori.e2e;

import io.sori.launcher.SoriStack;
import io.sori.launcher.StackOptions;
import io.sori.testsupport.TestStack;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Starts the whole suite once per test JVM — a real Kafka broker, the MongoDB-compatible
 * store and every service in its own JVM, on free ports — exactly as the embedded default
 * does, and stops it when the JVM's tests are done.
 */
public class SuiteExtension implements BeforeAllCallback {

    private static SoriStack stack;

    public static synchronized SoriStack stack() {
        if (stack == null) {
            Path home = Path.of(System.getProperty("sori.home", "..")).toAbsolutePath().normalize();
            Path work;
            try {
                work = Files.createTempDirectory("sori-e2e-");
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
            StackOptions.Builder options = StackOptions.builder()
                    .home(home)
                    .dataDir(work.resolve("data"))
                    .logDir(home.resolve("e2e-tests/target/suite-logs"))
                    .randomPorts(true)
                    .readyTimeout(Duration.ofSeconds(240))
                    .progress(line -> System.out.println("[suite] " + line));
            if (TestStack.usesContainers()) {
                // the same suite over Testcontainers' Kafka and MongoDB instead of the embedded ones
                options.kafkaBootstrap(TestStack.get().kafkaBootstrap()).mongoUri(TestStack.get().mongoUri());
            }
            stack = SoriStack.start(options.build());
            Runtime.getRuntime().addShutdownHook(new Thread(stack::close, "suite-stop"));
            // a first start after a build has every service write its class archive in the background, a pause
            // of seconds in each on two cores: the tests start on a settled suite, not in the middle of that
            try {
                stack.awaitClassArchives(Duration.ofMinutes(3));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return stack;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        stack();
    }
}
