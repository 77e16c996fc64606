package io.sori.kb.search;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.sori.kb.article.Audience;
import io.sori.platform.web.ProblemException;
import java.time.Duration;
import java.util.Collection;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeoutException;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/**
 * The index as the rest of kb-service uses it: every Lucene call runs on the search threads
 * (never on an event loop), searches wait for the first build, and each is timed.
 */
@Service
public class SearchService implements DisposableBean {

    /** Why a search ran: one latency histogram per purpose and audience. */
    public enum Purpose { SEARCH, ANSWER, SUGGESTION }

    private final ArticleIndex index;
    private final SearchProperties properties;
    private final MeterRegistry meters;
    private final Scheduler searchThreads;
    private final Sinks.Empty<Void> built = Sinks.empty();
    private final Map<String, Timer> timers = new ConcurrentHashMap<>();
    private volatile boolean ready;

    public SearchService(ArticleIndex index, SearchProperties properties, MeterRegistry meters) {
        this.index = index;
        this.properties = properties;
        this.meters = meters;
        this.searchThreads = Schedulers.newParallel("kb-search", properties.threads(), true);
        Gauge.builder("sori.kb.index.documents", index, ArticleIndex::size)
                .description("Published articles in the search index").register(meters);
        Gauge.builder("sori.kb.index.ready", this, s -> s.ready ? 1 : 0)
                .description("1 once the search index was built from the store").register(meters);
    }

    public Mono<SearchResult> search(SearchQuery query, Purpose purpose) {
        Timer timer = timer(purpose, query.audience());
        return whenReady().then(Mono.fromCallable(() -> timer.record(() -> index.search(query)))
                .subscribeOn(searchThreads));
    }

    /** Applies one article's state (a newer revision wins), off the event loop. */
    public Mono<Boolean> apply(IndexedArticle article) {
        return Mono.fromCallable(() -> index.apply(article)).subscribeOn(Schedulers.boundedElastic());
    }

    /** Builds the index from scratch and opens it for searches. Blocking: call it off the event loop. */
    public void rebuild(Collection<IndexedArticle> articles) {
        Timer.Sample sample = Timer.start(meters);
        index.rebuild(articles);
        sample.stop(Timer.builder("sori.kb.index.rebuild").description("Building the index from the store")
                .register(meters));
        ready = true;
        built.tryEmitEmpty();
    }

    /** Completes when the index is built, or fails after the given wait. */
    public Mono<Void> awaitReady(Duration wait) {
        return ready ? Mono.empty() : built.asMono().timeout(wait);
    }

    public boolean isReady() {
        return ready;
    }

    public int size() {
        return index.size();
    }

    public long knownRevision(String id) {
        return index.knownRevision(id);
    }

    public SearchProperties properties() {
        return properties;
    }

    private Mono<Void> whenReady() {
        if (ready) {
            return Mono.empty();
        }
        return built.asMono().timeout(properties.readyTimeout())
                .onErrorMap(TimeoutException.class, e -> new ProblemException(HttpStatus.SERVICE_UNAVAILABLE,
                        "index-not-ready", "Service unavailable",
                        "the search index is still being built; try again in a few seconds"));
    }

    private Timer timer(Purpose purpose, Audience audience) {
        String audienceTag = audience == null ? "ALL" : audience.name();
        return timers.computeIfAbsent(purpose + "/" + audienceTag, key -> Timer.builder("sori.kb.search")
                .description("Searches of the knowledge base, by why they ran and for whom")
                .tag("purpose", purpose.name().toLowerCase(Locale.ROOT))
                .tag("audience", audienceTag)
                .publishPercentileHistogram()
                .register(meters));
    }

    @Override
    public void destroy() {
        searchThreads.dispose();
    }
}
