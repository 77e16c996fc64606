package io.sori.kb.search;

import io.sori.platform.security.Actor;
import io.sori.kb.access.KbAccess;
import io.sori.kb.article.ArticleCategories;
import io.sori.kb.article.Audience;
import io.sori.platform.web.ProblemException;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** Korean full-text search over the published articles (API.md, Knowledge base). */
@RestController
@RequestMapping("/api/kb")
class SearchController {

    private final SearchService search;

    SearchController(SearchService search) {
        this.search = search;
    }

    /**
     * @param snippet the best passage of the body, HTML-escaped, matched words in {@code <em>}
     */
    record Hit(String id, String title, String snippet, double score, String category, Audience audience,
            int version) {
    }

    record Hits(String q, long total, List<Hit> hits) {
    }

    /**
     * @param audience PUBLIC_FAQ or AGENT_KMS; both when omitted
     * @param category only this category (e.g. CARD)
     */
    @GetMapping("/search")
    Mono<Hits> search(@RequestParam(required = false) String q, @RequestParam(required = false) String audience,
            @RequestParam(required = false) String category, @RequestParam(required = false) String size, Actor actor) {
        SearchProperties properties = search.properties();
        String question = Questions.checked(q, properties.maxQueryLength());
        Audience wanted = KbAccess.searchable(actor, audience == null ? null : Audience.parse(audience)
                .orElseThrow(() -> ProblemException.badRequest("audience", "must be one of " + Audience.ALL)));
        String wantedCategory = category == null ? null : ArticleCategories.canonical(category)
                .orElseThrow(() -> ProblemException.badRequest("category", ArticleCategories.mustBeOne()));
        int hits = size == null ? properties.defaultSize() : parseSize(size, properties.maxSize());
        return search.search(new SearchQuery(question, wanted, wantedCategory, null, hits, false), SearchService.Purpose.SEARCH)
                .map(result -> new Hits(question, result.total(), result.hits().stream()
                        .map(h -> new Hit(h.id(), h.title(), h.snippet(), Math.round(h.score() * 1000) / 1000.0,
                                h.category(), h.audience(), h.version()))
                        .toList()));
    }

    private static int parseSize(String size, int max) {
        try {
            int value = Integer.parseInt(size.strip());
            if (value >= 1 && value <= max) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw ProblemException.badRequest("size", "must be a number from 1 to " + max);
    }
}
