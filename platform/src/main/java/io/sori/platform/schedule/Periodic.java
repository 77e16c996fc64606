package io.sori.platform.schedule;

import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Background work that runs one pass at a time, every {@code every}, while the application runs.
 * A failed pass is logged and the next one retries; a pass slower than the interval skips ticks
 * instead of ending the schedule.
 */
public abstract class Periodic implements SmartLifecycle {

    private final Logger log = LoggerFactory.getLogger(getClass());
    private final String name;
    private final Duration firstAfter;
    private final Duration every;
    private volatile Disposable running;

    /** @param name what a pass does, for the logs ("closing idle conversations") */
    protected Periodic(String name, Duration firstAfter, Duration every) {
        this.name = name;
        this.firstAfter = firstAfter;
        this.every = every;
    }

    /** One pass. */
    protected abstract Mono<?> pass();

    @Override
    public void start() {
        running = Flux.interval(firstAfter, every)
                .onBackpressureDrop()
                .concatMap(tick -> pass().onErrorResume(e -> {
                    log.warn("{} failed, the next pass retries: {}", name, e.toString());
                    return Mono.empty();
                }))
                .subscribe(null, e -> log.error("{} stopped", name, e));
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
