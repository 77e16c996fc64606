package io.sori.kb.answer;

import io.sori.platform.security.Actor;
import io.sori.kb.access.KbAccess;
import io.sori.kb.search.Questions;
import io.sori.kb.search.SearchProperties;
import io.sori.platform.web.ProblemException;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** The chatbot's answers and the FAQ's gaps (API.md, Knowledge base). */
@RestController
@RequestMapping("/api/kb")
class AnswerController {

    private static final int MAX_GAPS = 100;
    private static final int MAX_PERIOD_DAYS = 366;

    private final AnswerService answers;
    private final QuestionGaps gaps;
    private final SearchProperties search;
    private final Clock clock;

    AnswerController(AnswerService answers, QuestionGaps gaps, SearchProperties search, Clock clock) {
        this.answers = answers;
        this.gaps = gaps;
        this.search = search;
        this.clock = clock;
    }

    record GapReport(LocalDate from, LocalDate to, String zone, List<QuestionGaps.Gap> items) {
    }

    @GetMapping("/answer")
    Mono<AnswerService.Answer> answer(@RequestParam(required = false) String q, Actor actor) {
        KbAccess.requireSignedIn(actor);
        return answers.answer(Questions.checked(q, search.maxQueryLength()));
    }

    /**
     * @param from first day (ISO date, or an instant: its day in Seoul); default six days before {@code to}
     * @param to   last day, inclusive; default today in Seoul
     */
    @GetMapping("/gaps")
    Mono<GapReport> gaps(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
            @RequestParam(defaultValue = "20") String limit, Actor actor) {
        KbAccess.requireStaff(actor);
        LocalDate last = to == null ? LocalDate.ofInstant(clock.instant(), QuestionGaps.SEOUL) : day("to", to);
        LocalDate first = from == null ? last.minusDays(6) : day("from", from);
        if (first.isAfter(last)) {
            throw ProblemException.badRequest("from", "must not be after to");
        }
        if (ChronoUnit.DAYS.between(first, last) >= MAX_PERIOD_DAYS) {
            throw ProblemException.badRequest("to", "the period may span at most " + MAX_PERIOD_DAYS + " days");
        }
        int size = parseLimit(limit);
        return gaps.top(first, last, size).map(items -> new GapReport(first, last, QuestionGaps.SEOUL.getId(), items));
    }

    private static LocalDate day(String field, String value) {
        String text = value.strip();
        try {
            return text.length() <= 10 ? LocalDate.parse(text) : LocalDate.ofInstant(Instant.parse(text), QuestionGaps.SEOUL);
        } catch (DateTimeException e) {
            throw ProblemException.badRequest(field, "must be an ISO date (2026-11-24) or instant (2026-11-24T05:00:00Z)");
        }
    }

    private static int parseLimit(String limit) {
        try {
            int value = Integer.parseInt(limit.strip());
            if (value >= 1 && value <= MAX_GAPS) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw ProblemException.badRequest("limit", "must be a number from 1 to " + MAX_GAPS);
    }
}
