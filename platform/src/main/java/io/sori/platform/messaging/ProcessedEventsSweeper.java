package io.sori.platform.messaging;

import io.sori.platform.schedule.Periodic;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

/** Forgets processed event ids past their retention, now and then. */
class ProcessedEventsSweeper extends Periodic {

    private static final Logger log = LoggerFactory.getLogger(ProcessedEventsSweeper.class);
    private final ProcessedEvents processed;

    ProcessedEventsSweeper(ProcessedEvents processed, Duration every) {
        super("sweeping processed events", Duration.ofSeconds(30), every);
        this.processed = processed;
    }

    @Override
    protected Mono<?> pass() {
        return processed.sweepExpired()
                .doOnNext(n -> { if (n > 0) log.info("forgot {} processed event ids past retention", n); });
    }
}
