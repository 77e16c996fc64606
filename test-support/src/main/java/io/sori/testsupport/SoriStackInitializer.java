package io.sori.testsupport;

import java.util.Map;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.MutablePropertySources;

/**
 * Points a Spring context at the test JVM's broker and store, and runs it as the embedded default
 * does (tests sign with its built-in secret, see {@link Tokens}).
 */
public class SoriStackInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        TestStack stack = TestStack.get();
        MutablePropertySources sources = context.getEnvironment().getPropertySources();
        sources.addFirst(new MapPropertySource("sori-test-stack", Map.of(
                "spring.kafka.bootstrap-servers", stack.kafkaBootstrap(),
                "spring.mongodb.uri", stack.mongoUri(),
                // consumers of a fresh test broker must see what was published before they joined
                "spring.kafka.consumer.auto-offset-reset", "earliest")));
        // below a test's own arguments and properties, so a test can still start a non-embedded service
        MapPropertySource embedded = new MapPropertySource("sori-test-embedded-default",
                Map.of("sori.security.dev-tokens", "true"));
        String ownSettings = sources.contains("commandLineArgs") ? "commandLineArgs"
                : sources.contains("Inlined Test Properties") ? "Inlined Test Properties" : null;
        if (ownSettings == null) {
            sources.addFirst(embedded);
        } else {
            sources.addAfter(ownSettings, embedded);
        }
    }
}
