package io.sori.corebanking.simulation;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * The simulated core's rules for emergency actions, free of any framework:
 * <ol>
 *   <li>an {@code actionId} answered before is answered again exactly the same way and nothing
 *       changes — never a second freeze, whatever the repeated request says;</li>
 *   <li>an action this core does not know fails;</li>
 *   <li>a configured failing customer always fails;</li>
 *   <li>a freeze of a frozen account (a stop of a stopped card) completes with the reference
 *       of the restriction in effect;</li>
 *   <li>otherwise the action fails at the configured random rate, or is carried out under a new
 *       reference.</li>
 * </ol>
 * Deciding and carrying out are two steps because a new reference comes from a counter the
 * caller keeps.
 */
public final class EmergencyDesk {

    static final String UNSUPPORTED_ACTION = "지원하지 않는 긴급 조치 (unsupported action)";

    private final FailurePolicy failures;

    public EmergencyDesk(FailurePolicy failures) {
        this.failures = Objects.requireNonNull(failures, "failures");
    }

    /**
     * @param standing the standing that holds the action if it was answered before (which may be
     *                 another customer's, when a requester reused an actionId), else the request's customer's
     */
    public Decision decide(Request request, CustomerStanding standing) {
        Optional<ActionRecord> earlier = standing.action(request.actionId());
        if (earlier.isPresent()) {
            return new Decision.Repeat(earlier.get());
        }
        requireSameCustomer(request, standing);
        if (request.action() == null) {
            return new Decision.Refuse(UNSUPPORTED_ACTION);
        }
        if (failures.alwaysFails(request.customerId())) {
            return new Decision.Refuse(FailurePolicy.reason(request.action()));
        }
        Optional<Restriction> inEffect = standing.restriction(request.action());
        if (inEffect.isPresent()) {
            return new Decision.AlreadyInEffect(inEffect.get());
        }
        if (failures.failsByChance()) {
            return new Decision.Refuse(FailurePolicy.reason(request.action()));
        }
        return new Decision.Restrict(request.action());
    }

    /**
     * Carries the decision out on the standing it was made on.
     *
     * @param newReference the next reference of the action's series when {@link Decision#needsReference()}
     */
    public Answer carryOut(Decision decision, Request request, CustomerStanding standing, String newReference,
            Instant now) {
        if (decision instanceof Decision.Repeat repeat) {
            ActionRecord again = repeat.earlier().requestedAgain(now);
            return new Answer(standing.record(again), again, Answer.Kind.REPEATED);
        }
        requireSameCustomer(request, standing);
        if (decision instanceof Decision.Restrict restrict) {
            if (newReference == null || newReference.isBlank()) {
                throw new IllegalArgumentException("putting " + restrict.action() + " in place needs a reference");
            }
            Restriction restriction = new Restriction(newReference, request.actionId(), request.ticketId(),
                    request.reason(), now);
            ActionRecord done = ActionRecord.completed(request, newReference, false, now);
            return new Answer(standing.restrict(restrict.action(), restriction).record(done), done,
                    Answer.Kind.COMPLETED);
        }
        if (decision instanceof Decision.AlreadyInEffect already) {
            ActionRecord done = ActionRecord.completed(request, already.existing().reference(), true, now);
            return new Answer(standing.record(done), done, Answer.Kind.ALREADY_IN_EFFECT);
        }
        Decision.Refuse refuse = (Decision.Refuse) decision;
        ActionRecord failed = ActionRecord.failed(request, refuse.reason(), now);
        return new Answer(standing.record(failed), failed, Answer.Kind.FAILED);
    }

    private static void requireSameCustomer(Request request, CustomerStanding standing) {
        if (!request.customerId().equals(standing.customerId())) {
            throw new IllegalArgumentException("a request for " + request.customerId()
                    + " must be decided on that customer's standing, not " + standing.customerId() + "'s");
        }
    }
}
