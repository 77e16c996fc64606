package io.sori.loadharness;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import tools.jackson.databind.JsonNode;

/**
 * Customers answering the satisfaction survey of their resolved consultation through its public link
 * ({@code POST /api/surveys/{token}/responses} through the gateway, no login), each link once: every
 * answer is a first answer, stored, rolled up and published (a low score also reports to
 * ticket-service). The links are real: {@link #seed} resolves tickets and takes the tokens from the
 * SurveyIssued events survey-service publishes for channel-service to deliver.
 */
final class SurveyTraffic implements Traffic {

    /** Mostly content, as banks' CSAT runs; one in ten a low score that survey-service reports onwards. */
    private static final int[] OVERALL = {5, 5, 4, 5, 4, 3, 5, 4, 2, 5};
    private static final List<String> MISSING = List.of(
            "",
            "이체한도 변경 절차를 문자로도 받고 싶어요",
            "",
            "처리 예상 시간을 미리 알려 주시면 좋겠어요");

    /** From a new ticket to the stage whose TicketResolved issues the survey. */
    private static final List<String> STAGES = List.of("IN_REVIEW", "SOLUTION_PROPOSED", "RESOLVED");

    private final Target target;
    private final List<String> tokens;

    /** @param tokens the links this traffic answers, one per arrival, in order */
    SurveyTraffic(Target target, List<String> tokens) {
        this.target = target;
        this.tokens = tokens;
    }

    @Override
    public Mono<?> fire(long seq, long dueAt) {
        if (seq >= tokens.size()) {
            // fewer links were issued than arrivals: counted, never answered twice
            target.latencies.record("harness.no-survey-link", Latencies.NOT_SENT, 0);
            return Mono.empty();
        }
        int overall = OVERALL[(int) (seq % OVERALL.length)];
        String missing = MISSING.get((int) (seq % MISSING.size()));
        Map<String, Object> answers = missing.isEmpty()
                ? Map.of("overall", overall, "speed", Math.max(1, overall - (int) (seq % 2)), "resolved", overall >= 3)
                : Map.of("overall", overall, "speed", Math.max(1, overall - (int) (seq % 2)), "resolved", overall >= 3,
                        "missingInfo", missing);
        String body = target.json.writeValueAsString(Map.of("answers", answers));
        return target.post("surveys.answer", target.gateway + "/api/surveys/" + tokens.get((int) seq) + "/responses",
                null, body, dueAt);
    }

    /**
     * Issues {@code count} surveys the way the suite does: an agent opens a ticket for a new customer
     * straight at ticket-service and takes it through its stages to RESOLVED; survey-service issues one
     * survey per TicketResolved, whose token is read from {@code sori.surveys.v1}. Returns the tokens
     * issued within {@code atMost}, in no particular order.
     */
    static List<String> seed(Target target, String kafka, int count, String runId, Duration atMost,
            Consumer<String> log) throws InterruptedException {
        Set<String> customers = ConcurrentHashMap.newKeySet();
        List<String> tokens = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger resolved = new AtomicInteger();
        String tickets = target.service("ticket-service");
        log.accept(String.format(Locale.ROOT, "seeding: %d tickets opened and resolved at %s, survey links read"
                + " from sori.surveys.v1", count, tickets));
        try (EventWatcher<EventWatcher.Issued> watcher = EventWatcher.surveysIssued(kafka, issued -> {
            if (customers.contains(issued.customerId()) && !issued.token().isEmpty()) {
                tokens.add(issued.token());
            }
        })) {
            long deadline = System.nanoTime() + atMost.toNanos();
            Flux.range(0, count)
                    .flatMap(i -> {
                        String customer = "survey-" + runId + "-" + i;
                        customers.add(customer);
                        return resolveNew(target, tickets, customer).doOnNext(ok -> {
                            if (ok) {
                                resolved.incrementAndGet();
                            }
                        });
                    }, 16)
                    .subscribeOn(Schedulers.boundedElastic())
                    .blockLast(atMost);
            log.accept(String.format(Locale.ROOT, "seeding: %d of %d tickets resolved; waiting for their surveys",
                    resolved.get(), count));
            while (tokens.size() < resolved.get() && System.nanoTime() < deadline) {
                Thread.sleep(200);
            }
        }
        log.accept(String.format(Locale.ROOT, "seeding: %d survey links issued", tokens.size()));
        return List.copyOf(tokens);
    }

    private static Mono<Boolean> resolveNew(Target target, String tickets, String customer) {
        String open = target.json.writeValueAsString(Map.of("customerId", customer, "channel", "PHONE",
                "subject", "해외송금 수취 확인 문의", "description", "전화 상담: 송금 수취 여부 확인 후 안내 완료"));
        return target.http.post(tickets + "/api/tickets", target.agentToken, open)
                .flatMap(r -> r.ok() ? move(target, tickets, target.json.readTree(r.body()), 0, 0) : Mono.just(false));
    }

    /** One stage further; a 409 (routing assigned the ticket meanwhile: a newer version) reads it again and retries. */
    private static Mono<Boolean> move(Target target, String tickets, JsonNode ticket, int step, int conflicts) {
        if (step == STAGES.size()) {
            return Mono.just(true);
        }
        String id = ticket.path("id").asString();
        String body = target.json.writeValueAsString(Map.of("to", STAGES.get(step), "version",
                ticket.path("version").asLong()));
        return target.http.post(tickets + "/api/tickets/" + id + "/transitions", target.agentToken, body)
                .flatMap(r -> {
                    if (r.ok()) {
                        return move(target, tickets, target.json.readTree(r.body()), step + 1, conflicts);
                    }
                    if (r.status() == 409 && conflicts < 3) {
                        return target.http.get(tickets + "/api/tickets/" + id, target.agentToken)
                                .flatMap(g -> {
                                    if (!g.ok()) {
                                        return Mono.just(false);
                                    }
                                    JsonNode now = target.json.readTree(g.body());
                                    // already there (an earlier try did apply): go on from its stage
                                    int at = STAGES.indexOf(now.path("stage").asString());
                                    return move(target, tickets, now, Math.max(step, at + 1), conflicts + 1);
                                });
                    }
                    return Mono.just(false);
                });
    }
}
