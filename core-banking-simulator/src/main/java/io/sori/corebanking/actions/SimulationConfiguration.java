package io.sori.corebanking.actions;

import io.sori.corebanking.simulation.EmergencyDesk;
import io.sori.corebanking.simulation.FailurePolicy;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The framework-free rules, set up from the configuration. */
@Configuration(proxyBeanMethods = false)
class SimulationConfiguration {

    private static final Logger log = LoggerFactory.getLogger(SimulationConfiguration.class);

    @Bean
    FailurePolicy failurePolicy(CoreBankingProperties properties) {
        FailurePolicy policy = new FailurePolicy(properties.failCustomers(), properties.failureRate(),
                () -> ThreadLocalRandom.current().nextDouble());
        log.info("simulated core answers after {}; always fails customers {}; fails {}% of the others at random",
                properties.latency(), policy.customerPatterns(), policy.rate() * 100);
        return policy;
    }

    @Bean
    EmergencyDesk emergencyDesk(FailurePolicy failurePolicy) {
        return new EmergencyDesk(failurePolicy);
    }
}
