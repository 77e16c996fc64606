package io.sori.kb.article;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

/**
 * Rewrites articles stored with an old category name ({@link ArticleCategories#RENAMED}) to the
 * shared name, once at start, before the search index is built. Each article is saved like any
 * edit (its revision and {@code updatedAt} move), so instances still running an older build pick
 * the change up with their next catch-up. Idempotent: a second run finds nothing to rename, and
 * instances starting together just retry an article another one saved first.
 */
@Component
class CategoryMigration implements ApplicationRunner, Ordered {

    private static final Logger log = LoggerFactory.getLogger(CategoryMigration.class);

    private final ArticleRepository articles;
    private final ReactiveMongoTemplate mongo;
    private final Clock clock;

    CategoryMigration(ArticleRepository articles, ReactiveMongoTemplate mongo, Clock clock) {
        this.articles = articles;
        this.mongo = mongo;
        this.clock = clock;
    }

    /** After the seeder (50), before the index is built (100). */
    @Override
    public int getOrder() {
        return 60;
    }

    @Override
    public void run(ApplicationArguments args) {
        Long renamed = migrate().block(Duration.ofMinutes(2));
        if (renamed != null && renamed > 0) {
            log.info("renamed the category of {} article(s) to the shared vocabulary", renamed);
        }
    }

    /** Renames what is stored under an old name; emits how many articles changed. */
    Mono<Long> migrate() {
        List<String> old = List.copyOf(ArticleCategories.RENAMED.keySet());
        Query stored = Query.query(new Criteria().orOperator(Criteria.where("category").in(old),
                Criteria.where("versions.category").in(old)));
        stored.fields().include("_id");
        return mongo.find(stored, org.bson.Document.class, Article.COLLECTION)
                .map(doc -> doc.getString("_id"))
                .concatMap(this::rename)
                .filter(Boolean::booleanValue)
                .count();
    }

    private Mono<Boolean> rename(String id) {
        return articles.findById(id)
                .flatMap(article -> article.renameCategories(clock.instant())
                        ? articles.save(article).thenReturn(true) : Mono.just(false))
                .retryWhen(Retry.backoff(3, Duration.ofMillis(20))
                        .filter(OptimisticLockingFailureException.class::isInstance))
                .defaultIfEmpty(false);
    }
}
