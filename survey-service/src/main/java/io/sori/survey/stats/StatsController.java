package io.sori.survey.stats;

import io.sori.platform.security.Actor;
import io.sori.platform.security.Role;
import io.sori.platform.web.ProblemException;
import io.sori.survey.survey.Periods;
import io.sori.survey.survey.Survey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** Satisfaction roll-ups for the bank's staff (API.md, Surveys). */
@RestController
@RequestMapping("/api/surveys/stats")
class StatsController {

    /** The period when none is asked for. */
    private static final Duration DEFAULT_PERIOD = Duration.ofDays(30);
    /** A longer period is a report, not a query: keep it to what a dashboard asks. */
    private static final Duration LONGEST_PERIOD = Duration.ofDays(731);

    private final SurveyStats stats;
    private final Clock clock;

    StatsController(SurveyStats stats, Clock clock) {
        this.stats = stats;
        this.clock = clock;
    }

    record Figures(long responses, Double csat, Double score100, long issued, long answeredOfIssued,
            Double responseRate) {

        static Figures of(Rollup r) {
            return new Figures(r.responses(), r.csat(), r.score100(), r.issued(), r.answeredOfIssued(),
                    r.responseRate());
        }
    }

    record GroupView(String key, long responses, Double csat, Double score100, long issued, long answeredOfIssued,
            Double responseRate, SurveyStats.StreakView streak) {
    }

    record StatsView(String groupBy, Instant from, Instant to, String kind, String campaignId, List<GroupView> groups,
            Figures total) {
    }

    /**
     * @param from an instant, or a date meaning its start in Asia/Seoul (default: 30 days before {@code to})
     * @param to   exclusive; an instant, or a date meaning the start of the next day in Asia/Seoul (default: now)
     * @param kind TICKET (consultations, CSAT) or CAMPAIGN (relationship surveys, CSI); both when left out
     */
    @GetMapping
    Mono<StatsView> stats(Actor actor, @RequestParam(required = false) String groupBy,
            @RequestParam(required = false) String from, @RequestParam(required = false) String to,
            @RequestParam(required = false) String kind, @RequestParam(required = false) String campaignId) {
        actor.require(Role.AGENT, Role.SUPERVISOR, Role.ADMIN);
        GroupBy by = groupBy == null ? GroupBy.CHANNEL : GroupBy.parse(groupBy).orElseThrow(() ->
                ProblemException.badRequest("groupBy", "must be one of " + Arrays.stream(GroupBy.values())
                        .map(g -> g.name().toLowerCase(Locale.ROOT)).toList()));
        Instant end = to == null ? clock.instant() : instant("to", to, true);
        Instant start = from == null ? end.minus(DEFAULT_PERIOD) : instant("from", from, false);
        if (!start.isBefore(end)) {
            throw ProblemException.badRequest("from", "must be before to");
        }
        if (Duration.between(start, end).compareTo(LONGEST_PERIOD) > 0) {
            throw ProblemException.badRequest("from", "the period may be at most " + LONGEST_PERIOD.toDays() + " days");
        }
        Survey.Kind k = kind == null ? null : Arrays.stream(Survey.Kind.values())
                .filter(v -> v.name().equalsIgnoreCase(kind)).findFirst()
                .orElseThrow(() -> ProblemException.badRequest("kind", "must be TICKET or CAMPAIGN"));
        if (campaignId != null && !campaignId.matches("[A-Za-z0-9_-]{1,64}")) {
            throw ProblemException.badRequest("campaignId", "is not a campaign id");
        }
        return stats.rollup(by, new SurveyStats.Scope(start, end, k, campaignId))
                .map(result -> new StatsView(by.name().toLowerCase(Locale.ROOT), start, end, k == null ? null : k.name(),
                        campaignId, result.getKey().stream().map(g -> new GroupView(g.key(), g.rollup().responses(),
                                g.rollup().csat(), g.rollup().score100(), g.rollup().issued(),
                                g.rollup().answeredOfIssued(), g.rollup().responseRate(), g.streak())).toList(),
                        Figures.of(result.getValue())));
    }

    private static Instant instant(String field, String value, boolean endOfDay) {
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException notAnInstant) {
            try {
                LocalDate day = LocalDate.parse(value);
                return (endOfDay ? day.plusDays(1) : day).atStartOfDay(Periods.SEOUL).toInstant();
            } catch (DateTimeParseException notADate) {
                throw ProblemException.badRequest(field, "must be an ISO-8601 instant or date, e.g. 2026-12-01");
            }
        }
    }
}
