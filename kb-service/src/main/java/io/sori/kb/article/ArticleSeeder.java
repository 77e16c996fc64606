package io.sori.kb.article;

import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.util.retry.Retry;

/**
 * Publishes Sori Bank's starter articles into an empty store on the first start. Idempotent:
 * the articles have fixed ids and are inserted only where none exists, so two instances
 * starting at once (both seeing an empty store) load each article once; a store that already
 * has articles is left alone.
 */
@Component
class ArticleSeeder implements ApplicationRunner, Ordered {

    private static final Logger log = LoggerFactory.getLogger(ArticleSeeder.class);

    private final ArticleService articles;
    private final boolean enabled;

    ArticleSeeder(ArticleService articles, @Value("${sori.kb.seed.articles:true}") boolean enabled) {
        this.articles = articles;
        this.enabled = enabled;
    }

    /** Before the search index is built from the store. */
    @Override
    public int getOrder() {
        return 50;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!enabled) {
            return;
        }
        Long existing = articles.count()
                .retryWhen(Retry.backoff(Long.MAX_VALUE, Duration.ofMillis(500)).maxBackoff(Duration.ofSeconds(10))
                        .doBeforeRetry(retry -> log.warn("cannot reach the store to seed articles yet: {}",
                                retry.failure().toString())))
                .block(Duration.ofMinutes(2));
        if (existing != null && existing > 0) {
            return;
        }
        Long inserted = Flux.fromIterable(SeedArticles.load())
                .concatMap(seed -> articles.insertPublished(seed.id(), seed.content(), SeedArticles.AUTHOR))
                .filter(Boolean::booleanValue)
                .count()
                .block(Duration.ofMinutes(2));
        articles.wakeUpRelay();
        log.info("seeded {} starter articles into an empty knowledge base", inserted);
    }
}
