package io.sori.testsupport;

import java.util.Map;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/** Points a Spring context at the test JVM's broker and store. */
public class SoriStackInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        TestStack stack = TestStack.get();
        context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("sori-test-stack", Map.of(
                "spring.kafka.bootstrap-servers", stack.kafkaBootstrap(),
                "spring.mongodb.uri", stack.mongoUri(),
                // consumers of a fresh test broker must see what was published before they joined
                "spring.kafka.consumer.auto-offset-reset", "earliest")));
    }
}
