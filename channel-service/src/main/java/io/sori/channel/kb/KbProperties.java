package io.sori.channel.kb;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How channel-service reaches kb-service: the chatbot's one synchronous call, made while a
 * customer waits, so it is short and guarded by a circuit breaker.
 *
 * @param baseUrl          kb-service, e.g. {@code http://localhost:8083} ({@code SORI_KB_URL})
 * @param connectTimeout   the longest wait for a connection
 * @param responseTimeout  the longest wait for the answer once asked; a call as a whole is cut
 *                         off after connect + response timeout
 * @param referenceRefresh how often the calculators' reference data is reloaded anyway (a safety
 *                         net: ReferenceDataUpdated events refresh it at once, but in a consumer
 *                         group each event reaches one instance only)
 * @param circuitBreaker   when to stop calling kb-service for a while
 */
@ConfigurationProperties("sori.channel.kb")
public record KbProperties(String baseUrl, Duration connectTimeout, Duration responseTimeout, Duration referenceRefresh,
        CircuitBreaker circuitBreaker) {

    public KbProperties {
        baseUrl = baseUrl == null || baseUrl.isBlank() ? "http://localhost:8083" : baseUrl.strip();
        connectTimeout = connectTimeout == null ? Duration.ofMillis(800) : connectTimeout;
        responseTimeout = responseTimeout == null ? Duration.ofMillis(800) : responseTimeout;
        referenceRefresh = referenceRefresh == null ? Duration.ofMinutes(10) : referenceRefresh;
        circuitBreaker = circuitBreaker == null ? new CircuitBreaker(null, null, null, null, null) : circuitBreaker;
    }

    /** The longest a whole call may take. */
    public Duration callTimeout() {
        return connectTimeout.plus(responseTimeout);
    }

    /**
     * Resilience4j's count-based breaker.
     *
     * @param failureRateThreshold     percent of failed calls (errors and timeouts) that opens it
     * @param slidingWindowSize        how many recent calls are weighed
     * @param minimumNumberOfCalls     calls needed before the rate counts
     * @param waitInOpenState          how long it stays open before letting trial calls through
     * @param permittedCallsInHalfOpen trial calls that decide whether it closes again
     */
    public record CircuitBreaker(Integer failureRateThreshold, Integer slidingWindowSize, Integer minimumNumberOfCalls,
            Duration waitInOpenState, Integer permittedCallsInHalfOpen) {

        public CircuitBreaker {
            failureRateThreshold = failureRateThreshold == null ? 50 : failureRateThreshold;
            slidingWindowSize = slidingWindowSize == null ? 10 : slidingWindowSize;
            minimumNumberOfCalls = minimumNumberOfCalls == null ? 5 : minimumNumberOfCalls;
            waitInOpenState = waitInOpenState == null ? Duration.ofSeconds(30) : waitInOpenState;
            permittedCallsInHalfOpen = permittedCallsInHalfOpen == null ? 2 : permittedCallsInHalfOpen;
        }
    }
}
