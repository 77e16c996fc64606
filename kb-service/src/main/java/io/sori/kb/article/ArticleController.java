package io.sori.kb.article;

import io.sori.platform.security.Actor;
import io.sori.kb.access.KbAccess;
import io.sori.platform.web.IdempotentRequests;
import io.sori.platform.web.ProblemException;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** Writing and reading articles (API.md, Knowledge base). */
@RestController
@RequestMapping("/api/kb/articles")
class ArticleController {

    static final String ID_PATTERN = "[A-Za-z0-9][A-Za-z0-9_.:-]{0,63}";
    private static final java.util.regex.Pattern ID = java.util.regex.Pattern.compile(ID_PATTERN);
    private static final String AUDIENCES = "AGENT_KMS|PUBLIC_FAQ";
    private static final int MAX_PAGE_SIZE = 100;

    private final ArticleService articles;
    private final ReactiveMongoTemplate mongo;
    private final IdempotentRequests idempotent;

    ArticleController(ArticleService articles, ReactiveMongoTemplate mongo, IdempotentRequests idempotent) {
        this.articles = articles;
        this.mongo = mongo;
        this.idempotent = idempotent;
    }

    /**
     * A new article, or a new version of one. Plain strings only: an object where a string belongs
     * is refused with a problem naming the field, so nothing reaches the store as an operator.
     *
     * @param version on an edit, the version it is based on (the latest); ignored on create
     */
    record ArticleRequest(
            @NotBlank @Size(max = ArticleContent.MAX_TITLE) String title,
            @NotBlank @Size(max = ArticleContent.MAX_BODY) String body,
            @NotBlank @Pattern(regexp = AUDIENCES, message = "must be one of [AGENT_KMS, PUBLIC_FAQ]") String audience,
            @NotBlank @Size(max = 40) String category,
            @Size(max = ArticleContent.MAX_TERMS) List<@NotBlank @Size(max = ArticleContent.MAX_TERM_LENGTH) String> tags,
            @Size(max = ArticleContent.MAX_TERMS)
            List<@NotBlank @Size(max = ArticleContent.MAX_TERM_LENGTH) String> synonyms,
            @NotBlank @Size(max = 100) @Pattern(regexp = "[^\\p{Cntrl}]+", message = "must be a name") String author,
            @Min(1) Integer version) {

        /** The content; a category outside the shared vocabulary is a 400 naming {@code category}. */
        ArticleContent content() {
            String known = ArticleCategories.canonical(category)
                    .orElseThrow(() -> ProblemException.badRequest("category", ArticleCategories.mustBeOne()));
            return new ArticleContent(title, body, Audience.valueOf(audience), known, tags, synonyms);
        }
    }

    /** @param version the version meant (must be the latest); omitted for "the latest" */
    record LifecycleRequest(@Min(1) Integer version) {
    }

    record VoteRequest(@NotNull Boolean helpful) {
    }

    record ArticlePage(List<ArticleSummary> items, int page, int size, long total) {
    }

    record ArticleSummary(String id, int version, ArticleStatus status, Integer publishedVersion, Audience audience,
            String category, String title, Instant updatedAt) {

        static ArticleSummary of(Article a) {
            return of(a, a.latest());
        }

        static ArticleSummary of(Article a, ArticleVersion shown) {
            return new ArticleSummary(a.id(), shown.number(), a.status(), a.publishedVersion(),
                    shown.audience(), shown.category(), shown.title(), a.updatedAt());
        }
    }

    @PostMapping
    Mono<ResponseEntity<ArticleView>> create(@Valid @RequestBody ArticleRequest request,
            @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey, Actor actor) {
        KbAccess.requireEditor(actor);
        if (idempotencyKey != null && !ID.matcher(idempotencyKey).matches()) {
            throw ProblemException.badRequest("Idempotency-Key", "must be 1 to 64 letters, digits, '_', '.', ':' or '-'");
        }
        return idempotent.claim(idempotencyKey == null ? null : "article:" + idempotencyKey, "create article", request)
                .then(Mono.defer(() -> articles.create(request.content(), request.author(), idempotencyKey)))
                .flatMap(this::view)
                .map(view -> ResponseEntity.created(URI.create("/api/kb/articles/" + view.id())).body(view));
    }

    @GetMapping("/{id}")
    Mono<ArticleView> get(@PathVariable String id, Actor actor) {
        return articles.get(checked(id)).map(article -> KbAccess.readable(actor, article))
                .flatMap(article -> articles.votes(article.id())
                        .map(votes -> ArticleView.of(article, KbAccess.shown(actor, article), votes)));
    }

    @GetMapping
    Mono<ArticlePage> list(@RequestParam(required = false) String audience,
            @RequestParam(required = false) String category,
            @RequestParam(required = false) String status,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "20") int size, Actor actor) {
        if (page < 0) {
            throw ProblemException.badRequest("page", "must be 0 or more");
        }
        if (size < 1 || size > MAX_PAGE_SIZE) {
            throw ProblemException.badRequest("size", "must be between 1 and " + MAX_PAGE_SIZE);
        }
        Audience wanted = KbAccess.searchable(actor, audience == null ? null : Audience.parse(audience)
                .orElseThrow(() -> ProblemException.badRequest("audience", "must be one of " + Audience.ALL)));
        if (!KbAccess.readsInternal(actor)) {
            return publicFaq(category, page, size);
        }
        Criteria criteria = new Criteria();
        if (wanted != null) {
            criteria.and("audience").is(wanted);
        }
        if (category != null) {
            criteria.and("category").is(ArticleCategories.canonical(category)
                    .orElseThrow(() -> ProblemException.badRequest("category", ArticleCategories.mustBeOne())));
        }
        ArticleStatus wantedStatus = status == null ? null : parseStatus(status);
        if (wantedStatus != null) {
            criteria.and("status").is(wantedStatus);
        }
        Query query = Query.query(criteria).with(Sort.by(Sort.Order.desc("updatedAt"), Sort.Order.asc("_id")))
                .skip((long) page * size).limit(size);
        return mongo.find(query, Article.class).map(ArticleSummary::of).collectList()
                .zipWith(mongo.count(Query.query(criteria), Article.class))
                .map(found -> new ArticlePage(found.getT1(), page, size, found.getT2()));
    }

    @PutMapping("/{id}")
    Mono<ArticleView> revise(@PathVariable String id, @Valid @RequestBody ArticleRequest request, Actor actor) {
        KbAccess.requireEditor(actor);
        if (request.version() == null) {
            throw ProblemException.badRequest("version", "is required: the version this edit is based on");
        }
        return articles.revise(checked(id), request.version(), request.content(), request.author())
                .flatMap(this::view);
    }

    @PostMapping("/{id}/publish")
    Mono<ArticleView> publish(@PathVariable String id, @Valid @RequestBody(required = false) LifecycleRequest request,
            Actor actor) {
        KbAccess.requireEditor(actor);
        return articles.publish(checked(id), request == null ? null : request.version()).flatMap(this::view);
    }

    @PostMapping("/{id}/archive")
    Mono<ArticleView> archive(@PathVariable String id, @Valid @RequestBody(required = false) LifecycleRequest request,
            Actor actor) {
        KbAccess.requireEditor(actor);
        return articles.archive(checked(id), request == null ? null : request.version()).flatMap(this::view);
    }

    /**
     * The live public FAQ, as customers see it: articles whose published version is for the public,
     * listed by that version (the top-level audience and category follow the latest draft).
     */
    private Mono<ArticlePage> publicFaq(String category, int page, int size) {
        Criteria live = Criteria.where("status").is(ArticleStatus.PUBLISHED).and("audience").is(Audience.PUBLIC_FAQ);
        if (category != null) {
            live.and("category").is(ArticleCategories.canonical(category)
                    .orElseThrow(() -> ProblemException.badRequest("category", ArticleCategories.mustBeOne())));
        }
        Criteria criteria = Criteria.where("versions").elemMatch(live);
        Query query = Query.query(criteria).with(Sort.by(Sort.Order.desc("updatedAt"), Sort.Order.asc("_id")))
                .skip((long) page * size).limit(size);
        return mongo.find(query, Article.class)
                .map(a -> ArticleSummary.of(a, a.published().orElseThrow()))
                .collectList()
                .zipWith(mongo.count(Query.query(criteria), Article.class))
                .map(found -> new ArticlePage(found.getT1(), page, size, found.getT2()));
    }

    @PostMapping("/{id}/votes")
    Mono<ArticleService.Votes> vote(@PathVariable String id, @Valid @RequestBody VoteRequest request, Actor actor) {
        KbAccess.requireSignedIn(actor);
        return articles.get(checked(id)).map(article -> KbAccess.readable(actor, article))
                .then(articles.vote(id, request.helpful()));
    }

    @GetMapping("/{id}/versions")
    Mono<List<ArticleView.VersionSummary>> versions(@PathVariable String id, Actor actor) {
        KbAccess.requireStaff(actor);
        return articles.get(checked(id))
                .map(article -> article.versions().stream().map(ArticleView.VersionSummary::of).toList());
    }

    @GetMapping("/{id}/versions/{number}")
    Mono<ArticleVersion> version(@PathVariable String id, @PathVariable int number, Actor actor) {
        KbAccess.requireStaff(actor);
        return articles.get(checked(id)).map(article -> article.version(number)
                .orElseThrow(() -> ProblemException.notFound("version", number + " of article " + id)));
    }

    private Mono<ArticleView> view(Article article) {
        return articles.votes(article.id()).map(votes -> ArticleView.of(article, votes));
    }

    static String checked(String id) {
        if (!ID.matcher(id).matches()) {
            throw ProblemException.badRequest("id", "must be 1 to 64 letters, digits, '_', '.', ':' or '-'");
        }
        return id;
    }

    private static ArticleStatus parseStatus(String status) {
        try {
            return ArticleStatus.valueOf(status.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest("status", "must be one of " + List.of(ArticleStatus.values()));
        }
    }
}
