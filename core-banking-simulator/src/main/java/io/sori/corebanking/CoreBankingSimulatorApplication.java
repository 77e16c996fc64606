package io.sori.corebanking;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * A simulated core-banking system: answers the emergency actions Sori requests on
 * {@code sori.banking.commands.v1} on {@code sori.banking.events.v1}. It ships for the embedded
 * default, the compose suite and the tests; a bank connects its own core system to the two topics.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class CoreBankingSimulatorApplication {

    public static void main(String[] args) {
        SpringApplication.run(CoreBankingSimulatorApplication.class, args);
    }
}
