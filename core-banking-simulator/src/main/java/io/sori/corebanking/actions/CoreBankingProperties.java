package io.sori.corebanking.actions;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How the simulated core behaves.
 *
 * @param latency       how long it takes to answer; waited for without blocking a thread
 * @param failCustomers customers whose actions always fail: a prefix of the id, or a glob ({@code *}, {@code ?})
 *                      over the whole id
 * @param failureRate   share of the other actions that fail at random, from 0 (never) to 1 (always)
 */
@ConfigurationProperties("sori.core-banking")
public record CoreBankingProperties(Duration latency, List<String> failCustomers, double failureRate) {

    public CoreBankingProperties {
        latency = latency == null ? Duration.ofMillis(200) : latency;
        if (latency.isNegative()) {
            throw new IllegalArgumentException("sori.core-banking.latency must not be negative, is " + latency);
        }
        failCustomers = failCustomers == null ? List.of() : List.copyOf(failCustomers);
        if (!(failureRate >= 0.0 && failureRate <= 1.0)) {
            throw new IllegalArgumentException(
                    "sori.core-banking.failure-rate must be between 0 and 1, is " + failureRate);
        }
    }
}
