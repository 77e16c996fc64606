package io.sori.kb.reference;

import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;
import reactor.util.retry.Retry;

/** Loads the default rates and merchants (version 1) where none exist yet; idempotent across instances. */
@Component
class ReferenceDataSeeder implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(ReferenceDataSeeder.class);

    private final ReferenceDataService data;

    ReferenceDataSeeder(ReferenceDataService data) {
        this.data = data;
    }

    @Override
    public void run(ApplicationArguments args) {
        Long inserted = data.seedDefaults()
                .retryWhen(Retry.backoff(Long.MAX_VALUE, Duration.ofMillis(500)).maxBackoff(Duration.ofSeconds(10))
                        .doBeforeRetry(retry -> log.warn("cannot seed reference data yet: {}", retry.failure().toString())))
                .block(Duration.ofMinutes(2));
        if (inserted != null && inserted > 0) {
            log.info("loaded the default reference data ({} kind(s))", inserted);
        }
    }
}
