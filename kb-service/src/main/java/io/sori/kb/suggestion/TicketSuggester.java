package io.sori.kb.suggestion;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.sori.events.Category;
import io.sori.events.EventEnvelope;
import io.sori.events.kb.SuggestionsComputed;
import io.sori.events.ticket.TicketCreated;
import io.sori.kb.article.ArticleCategories;
import io.sori.kb.article.Audience;
import io.sori.kb.search.SearchQuery;
import io.sori.kb.search.SearchService;
import io.sori.platform.messaging.EventHandler;
import io.sori.platform.outbox.OutboxMessage;
import io.sori.platform.outbox.OutboxRelay;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * On every new ticket, the three KMS articles that best match its subject (articles of the
 * ticket's category rank a little higher), stored and announced as SuggestionsComputed.
 * Idempotent: the suggestions of a ticket are computed and published once.
 */
@Component
class TicketSuggester implements EventHandler<TicketCreated> {

    private static final Logger log = LoggerFactory.getLogger(TicketSuggester.class);
    static final int SUGGESTIONS = 3;
    private static final int MAX_QUERY = 500;
    private static final Duration INDEX_WAIT = Duration.ofSeconds(20);

    private final SearchService search;
    private final ReactiveMongoTemplate mongo;
    private final ObjectProvider<OutboxRelay> relay;
    private final Clock clock;
    private final Counter computed;

    TicketSuggester(SearchService search, ReactiveMongoTemplate mongo, ObjectProvider<OutboxRelay> relay, Clock clock,
            MeterRegistry meters) {
        this.search = search;
        this.mongo = mongo;
        this.relay = relay;
        this.clock = clock;
        this.computed = Counter.builder("sori.kb.suggestions.computed")
                .description("Tickets for which KMS suggestions were computed").register(meters);
    }

    @Override
    public Class<TicketCreated> eventType() {
        return TicketCreated.class;
    }

    @Override
    public Mono<Void> handle(EventEnvelope<TicketCreated> envelope) {
        TicketCreated ticket = envelope.payload();
        return mongo.exists(Query.query(Criteria.where("_id").is(ticket.ticketId())), TicketSuggestions.class)
                .flatMap(done -> done ? Mono.<Void>empty() : compute(ticket, envelope.correlationId()));
    }

    private Mono<Void> compute(TicketCreated ticket, String correlationId) {
        String text = queryOf(ticket);
        Mono<List<TicketSuggestions.Suggested>> found = text.isBlank() ? Mono.just(List.of())
                // tickets may arrive while this instance still builds its index: wait for it (within the handler timeout)
                : search.awaitReady(INDEX_WAIT).then(search.search(new SearchQuery(text, Audience.AGENT_KMS, null, categoryOf(ticket), SUGGESTIONS, false),
                                SearchService.Purpose.SUGGESTION)
                        .map(result -> result.hits().stream()
                                .map(h -> new TicketSuggestions.Suggested(h.id(), h.version(), h.title(), h.category(),
                                        Math.round(h.score() * 1000) / 1000.0))
                                .toList()));
        return found.flatMap(suggested -> {
            Instant now = clock.instant();
            SuggestionsComputed event = new SuggestionsComputed(ticket.ticketId(), suggested.stream()
                    .map(s -> new SuggestionsComputed.Suggestion(s.articleId(), s.title(), s.score())).toList());
            TicketSuggestions suggestions = new TicketSuggestions(ticket.ticketId(), ticket.number(), text, suggested,
                    OutboxMessage.of(event, correlationId, now), now);
            return mongo.insert(suggestions)
                    .doOnSuccess(saved -> {
                        computed.increment();
                        relay.ifAvailable(r -> r.wakeUp(TicketSuggestions.COLLECTION, saved.ticketId()));
                        log.info("suggested {} KMS article(s) for ticket {}", suggested.size(), ticket.number());
                    })
                    // a redelivery raced the first delivery: those suggestions stand
                    .onErrorResume(DuplicateKeyException.class, duplicate -> Mono.empty())
                    .then();
        });
    }

    /** What the ticket is about: its subject, or its category's Korean name when it has none. */
    static String queryOf(TicketCreated ticket) {
        String subject = ticket.subject() == null ? "" : ticket.subject().strip();
        String category = categoryOf(ticket);
        String text = subject.isEmpty() && category != null ? Category.valueOf(category).label() : subject;
        return text.length() <= MAX_QUERY ? text : text.substring(0, MAX_QUERY);
    }

    /** The ticket's category by the shared name articles use; null for one outside the vocabulary. */
    static String categoryOf(TicketCreated ticket) {
        return ArticleCategories.canonical(ticket.category()).orElse(null);
    }
}
