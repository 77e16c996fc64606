package io.sori.corebanking.actions;

import io.sori.corebanking.simulation.ActionRecord;
import io.sori.corebanking.simulation.CustomerStanding;
import io.sori.corebanking.simulation.Restriction;
import io.sori.platform.security.Actor;
import io.sori.platform.security.Role;
import io.sori.platform.web.ProblemException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * Read-only views of what the simulated core did, for the bank's staff and Sori's services; a
 * customer's or a channel platform's token opens nothing here.
 */
@RestController
@RequestMapping("/api/core-banking")
@Tag(name = "core banking (simulated)", description = "What the simulated core-banking system froze and stopped")
class CoreBankingController {

    private static final Pattern ID = Pattern.compile("[A-Za-z0-9._:@-]{1,128}");
    private static final String ID_RULE = "must be 1 to 128 letters, digits or . _ : @ -";

    private final EmergencyActions actions;

    CoreBankingController(EmergencyActions actions) {
        this.actions = actions;
    }

    record RestrictionView(String reference, String actionId, String ticketId, String reason, Instant since) {

        static RestrictionView of(Restriction r) {
            return r == null ? null : new RestrictionView(r.reference(), r.actionId(), r.ticketId(), r.reason(),
                    r.since());
        }
    }

    record ActionView(String actionId, String ticketId, String customerId, String action, String requestReason,
            String outcome, String bankReference, boolean alreadyInEffect, String failureReason, Instant answeredAt,
            int requests, Instant lastRequestedAt) {

        static ActionView of(ActionRecord a) {
            return new ActionView(a.actionId(), a.ticketId(), a.customerId(),
                    a.action() == null ? null : a.action().name(), a.requestReason(), a.outcome().name(),
                    a.bankReference(), a.alreadyInEffect(), a.failureReason(), a.answeredAt(), a.requests(),
                    a.lastRequestedAt());
        }
    }

    /** @param actions newest first */
    record CustomerView(String customerId, boolean accountFrozen, RestrictionView accountFreeze, boolean cardSuspended,
            RestrictionView cardSuspension, List<ActionView> actions) {

        static CustomerView of(CustomerStanding s) {
            return new CustomerView(s.customerId(), s.accountFrozen(), RestrictionView.of(s.accountFreeze()),
                    s.cardSuspended(), RestrictionView.of(s.cardSuspension()),
                    s.actions().stream().sorted(Comparator.comparing(ActionRecord::answeredAt).reversed())
                            .map(ActionView::of).toList());
        }
    }

    @Operation(summary = "A customer's frozen account and stopped card, and the emergency actions answered for them",
            description = "A customer the core never restricted is shown clean, with no actions.")
    @GetMapping("/customers/{customerId}")
    Mono<CustomerView> customer(@PathVariable String customerId, Actor actor) {
        requireCaller(actor);
        requireId("customerId", customerId);
        return actions.standing(customerId).map(CustomerView::of);
    }

    @Operation(summary = "One emergency action as the core answered it")
    @GetMapping("/actions/{actionId}")
    Mono<ActionView> action(@PathVariable String actionId, Actor actor) {
        requireCaller(actor);
        requireId("actionId", actionId);
        return actions.action(actionId)
                .switchIfEmpty(Mono.error(() -> ProblemException.notFound("emergency action", actionId)))
                .map(ActionView::of);
    }

    private static void requireCaller(Actor actor) {
        actor.require(Role.AGENT, Role.SUPERVISOR, Role.ADMIN, Role.SERVICE);
    }

    private static void requireId(String field, String value) {
        if (!ID.matcher(value).matches()) {
            throw ProblemException.badRequest(field, ID_RULE);
        }
    }
}
