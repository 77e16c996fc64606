package io.sori.kb.article;

import io.micrometer.core.instrument.MeterRegistry;
import io.sori.events.kb.KbEvent;
import io.sori.platform.outbox.OutboxMessage;
import io.sori.platform.outbox.OutboxRelay;
import io.sori.platform.web.ProblemException;
import io.sori.platform.web.RequestIds;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

/**
 * Writing articles: every change is one write of the article document with its outbox, then
 * the search index of this instance is told (other instances catch up from the store).
 */
@Service
public class ArticleService {

    private static final Logger log = LoggerFactory.getLogger(ArticleService.class);
    static final String VOTES = "article_votes";

    private final ArticleRepository articles;
    private final ReactiveMongoTemplate mongo;
    private final ObjectProvider<ArticleObserver> observers;
    private final ObjectProvider<OutboxRelay> relay;
    private final Clock clock;
    private final MeterRegistry meters;

    public ArticleService(ArticleRepository articles, ReactiveMongoTemplate mongo,
            ObjectProvider<ArticleObserver> observers, ObjectProvider<OutboxRelay> relay, Clock clock,
            MeterRegistry meters) {
        this.articles = articles;
        this.mongo = mongo;
        this.observers = observers;
        this.relay = relay;
        this.clock = clock;
        this.meters = meters;
    }

    /** Helpful and unhelpful votes of an article. */
    public record Votes(long helpful, long notHelpful) {
        static final Votes NONE = new Votes(0, 0);
    }

    public Mono<Article> get(String id) {
        return articles.findById(id).switchIfEmpty(Mono.error(() -> ProblemException.notFound("article", id)));
    }

    /**
     * A new draft. With an idempotency key, repeating the request returns the article the first
     * request made instead of a second one.
     */
    public Mono<Article> create(ArticleContent content, String author, String idempotencyKey) {
        String id = idempotencyKey == null ? UUID.randomUUID().toString()
                : UUID.nameUUIDFromBytes(("article:" + idempotencyKey).getBytes(StandardCharsets.UTF_8)).toString();
        Article article = Article.draft(id, content.normalised(), author, clock.instant());
        return articles.insert(article)
                .doOnSuccess(created -> count("created"))
                .onErrorResume(DuplicateKeyException.class, repeated -> get(id))
                .flatMap(this::notifyObservers);
    }

    /** A new draft version, based on version {@code basedOn} (which must be the latest). */
    public Mono<Article> revise(String id, int basedOn, ArticleContent content, String author) {
        return get(id)
                .flatMap(article -> {
                    article.revise(basedOn, content.normalised(), author, clock.instant());
                    return articles.save(article);
                })
                // a concurrent edit won: this one was based on a version that is no longer the latest
                .onErrorMap(OptimisticLockingFailureException.class, e -> stale(id))
                .onErrorMap(ArticleConflict.class, ArticleService::toProblem)
                .doOnSuccess(revised -> count("revised"))
                .flatMap(this::notifyObservers);
    }

    public Mono<Article> publish(String id, Integer version) {
        return transition(id, version, Article::publish, "published");
    }

    public Mono<Article> archive(String id, Integer version) {
        return transition(id, version, Article::archive, "archived");
    }

    private Mono<Article> transition(String id, Integer version,
            TriFunction<Article, Integer, Instant, Optional<KbEvent>> change, String action) {
        return RequestIds.correlationId().map(Optional::of).defaultIfEmpty(Optional.empty())
                .flatMap(correlationId -> get(id).flatMap(article -> {
                    Instant now = clock.instant();
                    Optional<KbEvent> event = change.apply(article, version, now);
                    if (event.isEmpty()) {
                        return Mono.just(article); // already so: nothing to write, nothing to tell
                    }
                    article.record(OutboxMessage.of(event.get(), correlationId.orElse(null), now));
                    return articles.save(article).doOnSuccess(saved -> {
                        count(action);
                        relay.ifAvailable(OutboxRelay::wakeUp);
                        log.info("article {} {} (version {})", id, action, saved.latest().number());
                    });
                }))
                // someone else wrote the article meanwhile (an edit, a vote does not): reload and decide again
                .retryWhen(Retry.backoff(3, Duration.ofMillis(20))
                        .filter(OptimisticLockingFailureException.class::isInstance)
                        .onRetryExhaustedThrow((spec, signal) -> signal.failure()))
                .onErrorMap(ArticleConflict.class, ArticleService::toProblem)
                .flatMap(this::notifyObservers);
    }

    public Mono<Votes> vote(String id, boolean helpful) {
        return articles.existsById(id)
                .flatMap(exists -> exists ? Mono.just(id) : Mono.error(ProblemException.notFound("article", id)))
                .flatMap(known -> mongo.findAndModify(Query.query(Criteria.where("_id").is(id)),
                        new Update().inc(helpful ? "helpful" : "notHelpful", 1).set("updatedAt", clock.instant()),
                        FindAndModifyOptions.options().upsert(true).returnNew(true), Document.class, VOTES))
                .map(ArticleService::votesOf)
                .doOnSuccess(votes -> meters.counter("sori.kb.votes", "helpful", String.valueOf(helpful))
                        .increment());
    }

    public Mono<Votes> votes(String id) {
        return mongo.findById(id, Document.class, VOTES).map(ArticleService::votesOf).defaultIfEmpty(Votes.NONE);
    }

    /** Seeds an article as published, unless one with its id exists. Returns whether it was inserted. */
    Mono<Boolean> insertPublished(String id, ArticleContent content, String author) {
        Instant now = clock.instant();
        Article article = Article.draft(id, content.normalised(), author, now);
        article.publish(null, now).ifPresent(event -> article.record(OutboxMessage.of(event, null, now)));
        return articles.insert(article)
                .thenReturn(true)
                .onErrorResume(DuplicateKeyException.class, alreadyThere -> Mono.just(false));
    }

    Mono<Long> count() {
        return articles.count();
    }

    void wakeUpRelay() {
        relay.ifAvailable(OutboxRelay::wakeUp);
    }

    private Mono<Article> notifyObservers(Article article) {
        List<ArticleObserver> all = observers.orderedStream().toList();
        return Flux.fromIterable(all).concatMap(o -> o.changed(article)).then(Mono.just(article));
    }

    private void count(String action) {
        meters.counter("sori.kb.article.changes", "action", action).increment();
    }

    private static Votes votesOf(Document doc) {
        return new Votes(number(doc.get("helpful")), number(doc.get("notHelpful")));
    }

    private static long number(Object value) {
        return value instanceof Number n ? n.longValue() : 0;
    }

    private static ProblemException stale(String id) {
        return ProblemException.conflict("stale-version",
                "article " + id + " was changed by someone else meanwhile; reload it and try again");
    }

    private static ProblemException toProblem(ArticleConflict conflict) {
        return switch (conflict.kind()) {
            case STALE_VERSION -> ProblemException.conflict("stale-version", conflict.getMessage());
            case INVALID_TRANSITION -> ProblemException.conflict("invalid-transition", conflict.getMessage());
        };
    }

    @FunctionalInterface
    private interface TriFunction<A, B, C, R> {
        R apply(A a, B b, C c);
    }
}
