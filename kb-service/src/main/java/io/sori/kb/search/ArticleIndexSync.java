package io.sori.kb.search;

import io.sori.kb.article.Article;
import io.sori.kb.article.ArticleObserver;
import io.sori.kb.article.ArticleRepository;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;
import reactor.core.Disposable;
import reactor.core.Disposables;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.util.retry.Retry;

/**
 * Keeps this instance's search index equal to the store:
 * <ol>
 * <li>at start, builds it from every article (the service is not ready until then);</li>
 * <li>after each change this instance writes, applies it at once;</li>
 * <li>every few seconds, applies what other instances changed since the newest change seen
 * (by {@code updatedAt}, looking back an overlap for clock skew and writes in flight);</li>
 * <li>every few minutes, compares every article's revision with the index, as a safety net.</li>
 * </ol>
 * Applying is by revision, so repeats and late arrivals never undo a newer state.
 */
@Component
class ArticleIndexSync implements ArticleObserver, ApplicationRunner, Ordered {

    private static final Logger log = LoggerFactory.getLogger(ArticleIndexSync.class);
    /** After the articles are seeded into an empty store. */
    static final int ORDER = 100;
    private static final Duration STORE_WAIT = Duration.ofMinutes(2);

    private final ArticleRepository articles;
    private final ReactiveMongoTemplate mongo;
    private final SearchService search;
    private final AtomicReference<Instant> newestSeen = new AtomicReference<>(Instant.EPOCH);
    private final Disposable.Composite background = Disposables.composite();

    ArticleIndexSync(ArticleRepository articles, ReactiveMongoTemplate mongo, SearchService search) {
        this.articles = articles;
        this.mongo = mongo;
        this.search = search;
    }

    @Override
    public int getOrder() {
        return ORDER;
    }

    @Override
    public void run(ApplicationArguments args) {
        long started = System.nanoTime();
        List<IndexedArticle> all = articles.findAll()
                .doOnNext(this::saw)
                .map(IndexedArticle::of)
                .collectList()
                .retryWhen(Retry.backoff(Long.MAX_VALUE, Duration.ofMillis(500)).maxBackoff(Duration.ofSeconds(10))
                        .doBeforeRetry(retry -> log.warn("cannot read the articles to build the index yet: {}",
                                retry.failure().toString())))
                .block(STORE_WAIT);
        search.rebuild(all);
        log.info("search index built: {} published of {} articles in {} ms", search.size(), all.size(),
                (System.nanoTime() - started) / 1_000_000);
        SearchProperties properties = search.properties();
        background.add(Flux.interval(properties.catchUpInterval(), Schedulers.boundedElastic())
                .onBackpressureDrop()
                .concatMap(tick -> catchUp().onErrorResume(e -> {
                    log.warn("index catch-up failed, trying again: {}", e.toString());
                    return Mono.empty();
                }), 1)
                .subscribe());
        background.add(Flux.interval(properties.reconcileInterval(), Schedulers.boundedElastic())
                .onBackpressureDrop()
                .concatMap(tick -> reconcile().onErrorResume(e -> {
                    log.warn("index reconciliation failed, trying again later: {}", e.toString());
                    return Mono.empty();
                }), 1)
                .subscribe());
    }

    @Override
    public Mono<Void> changed(Article article) {
        saw(article);
        return search.apply(IndexedArticle.of(article))
                .onErrorResume(e -> {
                    log.warn("could not index article {} now; the catch-up will: {}", article.id(), e.toString());
                    return Mono.empty();
                })
                .then();
    }

    /**
     * Applies the articles changed since the newest change seen, minus the overlap. Reads only ids
     * and revisions first, so looking at the same recent changes again costs next to nothing.
     */
    Mono<Long> catchUp() {
        Instant since = newestSeen.get().minus(search.properties().catchUpOverlap());
        Query changed = Query.query(Criteria.where("updatedAt").gte(since));
        return applyNewer(changed).doOnNext(applied -> {
            if (applied > 0) {
                log.info("index caught up with {} article change(s) from other instances", applied);
            }
        });
    }

    /** Compares every article's revision with the index and applies what it missed. */
    Mono<Long> reconcile() {
        return applyNewer(new Query()).doOnNext(applied -> {
            if (applied > 0) {
                log.warn("index reconciliation applied {} missed article change(s)", applied);
            }
        });
    }

    private Mono<Long> applyNewer(Query query) {
        query.fields().include("_id").include("revision").include("updatedAt");
        return mongo.find(query, Document.class, Article.COLLECTION)
                .doOnNext(doc -> {
                    if (doc.getDate("updatedAt") != null) {
                        saw(doc.getDate("updatedAt").toInstant());
                    }
                })
                .filter(doc -> revisionOf(doc) > search.knownRevision(doc.getString("_id")))
                .concatMap(doc -> articles.findById(doc.getString("_id")))
                .concatMap(article -> search.apply(IndexedArticle.of(article)))
                .filter(Boolean::booleanValue)
                .count();
    }

    private static long revisionOf(Document doc) {
        Object revision = doc.get("revision");
        return revision instanceof Number n ? n.longValue() : 0;
    }

    private void saw(Article article) {
        if (article.updatedAt() != null) {
            saw(article.updatedAt());
        }
    }

    private void saw(Instant updatedAt) {
        newestSeen.accumulateAndGet(updatedAt, (a, b) -> a.isAfter(b) ? a : b);
    }

    @jakarta.annotation.PreDestroy
    void stop() {
        background.dispose();
    }
}
