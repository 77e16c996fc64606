package io.sori.channel.delivery;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param maxAttempts   tries per delivery before it is FAILED
 * @param backoff       pause before the second try; doubles with every further try
 * @param retryInterval how often due retries (and deliveries left behind by a crash) are picked up
 * @param lease         how long one instance owns a delivery while sending it
 * @param surveyLinkBase the public survey page, the survey token appended
 * @param noticeCallbackDue how soon a phone customer without a number for text messages is called instead
 */
@ConfigurationProperties("sori.channel.delivery")
public record DeliverySettings(int maxAttempts, Duration backoff, Duration retryInterval, Duration lease,
        String surveyLinkBase, Duration noticeCallbackDue) {

    public DeliverySettings {
        maxAttempts = maxAttempts <= 0 ? 5 : maxAttempts;
        backoff = backoff == null ? Duration.ofSeconds(30) : backoff;
        retryInterval = retryInterval == null ? Duration.ofSeconds(10) : retryInterval;
        lease = lease == null ? Duration.ofMinutes(2) : lease;
        surveyLinkBase = surveyLinkBase == null ? "http://localhost:8080/api/surveys/" : surveyLinkBase;
        noticeCallbackDue = noticeCallbackDue == null ? Duration.ofHours(4) : noticeCallbackDue;
    }

    /** The pause after the n-th failed try (n ≥ 1). */
    public Duration backoffAfter(int attempts) {
        return backoff.multipliedBy(1L << Math.min(Math.max(attempts - 1, 0), 16));
    }
}
