package io.sori.survey.survey;

import io.sori.platform.security.Actor;
import io.sori.platform.security.Role;
import io.sori.platform.web.ProblemException;
import java.time.Clock;
import java.time.Instant;
import java.util.regex.Pattern;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * {@code GET /api/surveys/tickets/{ticketId}}: the survey a resolved ticket got, for the customer's
 * status page (their own ticket only) and for staff. Another customer's ticket and a ticket without a
 * survey are the same 404, so ticket ids reveal nothing.
 */
@RestController
class TicketSurveyController {

    private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.:-]{0,63}");

    private final ReactiveMongoTemplate mongo;
    private final SurveySettings settings;
    private final Clock clock;

    TicketSurveyController(ReactiveMongoTemplate mongo, SurveySettings settings, Clock clock) {
        this.mongo = mongo;
        this.settings = settings;
        this.clock = clock;
    }

    /** The survey as its customer may see it: the link they were sent and where it stands. */
    record TicketSurveyView(String token, String link, String status, Instant expiresAt, Instant answeredAt) {
    }

    @GetMapping("/api/surveys/tickets/{ticketId}")
    Mono<TicketSurveyView> ofTicket(@PathVariable String ticketId, Actor actor) {
        actor.require(Role.CUSTOMER, Role.AGENT, Role.SUPERVISOR, Role.ADMIN);
        if (!ID.matcher(ticketId).matches()) {
            throw ProblemException.badRequest("ticketId", "must be an id of letters, digits and _.:- (at most 64)");
        }
        return mongo.findOne(Query.query(Criteria.where("dedupeKey").is("ticket:" + ticketId)), Survey.class)
                .filter(s -> actor.maySee(s.customerId()))
                .map(this::view)
                .switchIfEmpty(Mono.error(() -> ProblemException.notFound("survey for ticket", ticketId)));
    }

    private TicketSurveyView view(Survey s) {
        String status = s.status() == Survey.Status.ANSWERED ? "ANSWERED"
                : s.expiredAt(clock.instant()) ? "EXPIRED" : "ISSUED";
        return new TicketSurveyView(s.token(), settings.linkBase() + s.token(), status, s.expiresAt(), s.answeredAt());
    }
}
