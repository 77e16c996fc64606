package io.sori.platform.messaging;

import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;

/** Forgets processed event ids past their retention, now and then. */
class ProcessedEventsSweeper implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ProcessedEventsSweeper.class);
    private final ProcessedEvents processed;
    private final Duration every;
    private volatile Disposable running;

    ProcessedEventsSweeper(ProcessedEvents processed, Duration every) {
        this.processed = processed;
        this.every = every;
    }

    @Override
    public void start() {
        running = Flux.interval(Duration.ofSeconds(30), every)
                .concatMap(tick -> processed.sweepExpired()
                        .doOnNext(n -> { if (n > 0) log.info("forgot {} processed event ids past retention", n); })
                        .onErrorResume(e -> {
                            log.warn("sweeping processed events failed: {}", e.toString());
                            return reactor.core.publisher.Mono.empty();
                        }))
                .subscribe();
    }

    @Override
    public void stop() {
        Disposable current = running;
        running = null;
        if (current != null) {
            current.dispose();
        }
    }

    @Override
    public boolean isRunning() {
        return running != null;
    }
}
