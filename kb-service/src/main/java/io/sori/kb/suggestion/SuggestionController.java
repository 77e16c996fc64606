package io.sori.kb.suggestion;

import io.sori.kb.access.KbAccess;
import io.sori.platform.security.Actor;
import io.sori.platform.web.ProblemException;
import java.time.Instant;
import java.util.List;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** The KMS articles suggested for a ticket (API.md, Knowledge base). */
@RestController
@RequestMapping("/api/kb/suggestions")
class SuggestionController {

    private static final String TICKET_ID = "[A-Za-z0-9][A-Za-z0-9_.:-]{0,63}";

    private final ReactiveMongoTemplate mongo;

    SuggestionController(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    record SuggestionsView(String ticketId, String ticketNumber, List<TicketSuggestions.Suggested> suggestions,
            Instant computedAt) {
    }

    @GetMapping
    Mono<SuggestionsView> get(@RequestParam(required = false) String ticketId, Actor actor) {
        KbAccess.requireStaff(actor);
        if (ticketId == null || !ticketId.matches(TICKET_ID)) {
            throw ProblemException.badRequest("ticketId", "is required: 1 to 64 letters, digits, '_', '.', ':' or '-'");
        }
        return mongo.findById(ticketId, TicketSuggestions.class)
                .switchIfEmpty(Mono.error(() -> ProblemException.notFound("suggestions for ticket", ticketId)))
                .map(s -> new SuggestionsView(s.ticketId(), s.ticketNumber(), s.suggestions(), s.computedAt()));
    }
}
