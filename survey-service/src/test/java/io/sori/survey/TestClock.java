package io.sori.survey;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;

/**
 * The service's clock in the tests: the system's, until a test pins it to an instant (a known
 * period for the roll-ups) or moves it on (past a survey's expiry). Part of every survey-service
 * test context, so they all share one. Tests put it back with {@link #reset()}.
 */
@Configuration(proxyBeanMethods = false)
public class TestClock {

    public static final Mutable CLOCK = new Mutable();

    @Bean
    @Primary
    Clock mutableClock() {
        return CLOCK;
    }

    public static final class Mutable extends Clock {

        private volatile Instant pinned;

        public void set(Instant at) {
            pinned = at;
        }

        public void advance(Duration by) {
            pinned = instant().plus(by);
        }

        public void reset() {
            pinned = null;
        }

        @Override
        public Instant instant() {
            Instant at = pinned;
            return at != null ? at : Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }
}
