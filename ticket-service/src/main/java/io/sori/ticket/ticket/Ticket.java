package io.sori.ticket.ticket;

import io.sori.events.SoriEvent;
import io.sori.events.banking.EmergencyAction;
import io.sori.events.banking.EmergencyActionRequested;
import io.sori.events.channel.Channel;
import io.sori.events.ticket.ComplaintReceiptConfirmed;
import io.sori.events.ticket.ExpectedResolutionChanged;
import io.sori.events.ticket.Priority;
import io.sori.events.ticket.RegulatoryDeadlineExtended;
import io.sori.events.ticket.TicketAssigned;
import io.sori.events.ticket.TicketClosed;
import io.sori.events.ticket.TicketCreated;
import io.sori.events.ticket.TicketEmergencyActionUpdated;
import io.sori.events.ticket.TicketEscalated;
import io.sori.events.ticket.TicketReopened;
import io.sori.events.ticket.TicketReplied;
import io.sori.events.ticket.TicketResolved;
import io.sori.events.ticket.TicketSlaBreached;
import io.sori.events.ticket.TicketStage;
import io.sori.events.ticket.TicketStageChanged;
import io.sori.platform.outbox.OutboxMessage;
import io.sori.platform.web.ProblemException;
import io.sori.ticket.lifecycle.Lifecycle;
import io.sori.ticket.sla.BusinessCalendar;
import io.sori.ticket.sla.ResolutionEstimator.Estimate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.index.CompoundIndexes;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * Work for a person, moving through the published complaint process. Every change records a
 * history line and the events that tell about it in the ticket's own outbox, so state, audit
 * and events are one atomic write; {@code version} makes concurrent changes fail instead of
 * overwrite.
 */
@Document(Ticket.COLLECTION)
@CompoundIndexes({
        @CompoundIndex(name = "customer_queue", def = "{'customerId': 1, 'priorityRank': 1, 'queueDueAt': 1}"),
        @CompoundIndex(name = "queue", def = "{'open': 1, 'skill': 1, 'assignee': 1, 'priorityRank': 1, 'queueDueAt': 1}"),
        @CompoundIndex(name = "by_conversation", def = "{'conversationIds': 1, 'stage': 1}"),
        @CompoundIndex(name = "open_first_response", def = "{'open': 1, 'firstResponseDueAt': 1}"),
        @CompoundIndex(name = "open_resolution", def = "{'open': 1, 'resolutionDueAt': 1}")})
public class Ticket {

    public static final String COLLECTION = "tickets";
    public static final String FIRST_RESPONSE = "FIRST_RESPONSE";
    public static final String RESOLUTION = "RESOLUTION";
    public static final String REGULATORY = "REGULATORY";

    /** Below this an estimate has not moved (clock jitter between two computations). */
    private static final Duration NOTICEABLE_MOVE = Duration.ofMinutes(1);
    /** The least priority of a contact that is angry about a matter the customer raised before. */
    private static final Priority UPSET_REPEAT_PRIORITY = Priority.HIGH;

    @Id
    private String id;
    @Indexed(unique = true)
    private String number;
    private String customerId;
    private Channel channel;
    private String category;
    private String skill;
    private Priority priority;
    /** Priority as a number, so the queue sorts URGENT first. */
    private int priorityRank;
    private TicketStage stage;
    /** Denormalised {@link Lifecycle#isOpen}: the scanners and the queue only look at open tickets. */
    private boolean open;
    private TicketStage pausedStage;
    private String assignee;
    private Instant assignedAt;
    private String subject;
    private String description;
    private List<String> urgencySignals = new ArrayList<>();
    private Instant deadlineAt;
    private boolean vulnerableCustomer;
    private boolean formalComplaint;
    private String fssReference;
    private boolean receiptConfirmed;
    private String calendar;
    private Instant firstResponseDueAt;
    private Instant resolutionDueAt;
    private Instant regulatoryDueAt;
    private boolean regulatoryExtended;
    /** The earliest thing due: the queue's second sort key. */
    private Instant queueDueAt;
    private List<String> breaches = new ArrayList<>();
    /** Denormalised: any clock breached, for the {@code slaBreached} filter. */
    private boolean breached;
    private boolean escalated;
    private Instant firstRespondedAt;
    private Instant waitingSince;
    private Instant resolvedAt;
    private Instant closedAt;
    private int reopenCount;
    /** The latest low survey score awaiting a quality review, if any. */
    private QualityReview qualityReview;
    /** Null while nobody can honestly say (no one with the skill on shift). */
    private Instant expectedResolutionAt;
    private String expectedResolutionBasis;
    private String expectedResolutionNotice;
    /** When an agent took the work up (first assignment, or a reopen): the estimate counts from it. */
    private Instant pickedUpAt;
    /** Any contact of the ticket passed the channel's identification; once verified it stays verified. */
    private boolean identityVerified;
    /** An angry contact about a matter the customer had already raised. */
    private boolean upsetRepeatContact;
    private String lastConversationId;
    private List<String> conversationIds = new ArrayList<>();
    /**
     * Every interaction that opened or joined this ticket; unique across tickets, so a redelivery
     * creates nothing. Absent, never an empty array, until the first one: a unique index keys an
     * empty array as one shared "undefined" value (sparse skips only a missing field), so every
     * agent-opened ticket would collide with the next.
     */
    @Indexed(unique = true, sparse = true)
    private List<String> interactionIds;
    private List<EmergencyActionRecord> emergencyActions = new ArrayList<>();
    private List<Note> notes = new ArrayList<>();
    private List<HistoryEntry> history = new ArrayList<>();
    private List<OutboxMessage> outbox = new ArrayList<>();
    private Instant createdAt;
    private Instant updatedAt;
    @Version
    private Long version;

    protected Ticket() {
    }

    /** A new ticket in RECEIVED, with its TicketCreated event and any emergency requests. */
    public static Ticket open(Opening o, Change change) {
        Ticket t = new Ticket();
        t.id = o.id();
        t.number = o.number();
        t.customerId = o.customerId();
        t.channel = o.channel();
        t.category = o.category();
        t.skill = o.skill();
        t.setPriority(o.priority());
        t.stage = TicketStage.RECEIVED;
        t.open = true;
        t.subject = o.subject();
        t.description = o.description();
        t.urgencySignals = new ArrayList<>(o.urgencySignals());
        t.deadlineAt = o.deadlineAt();
        t.vulnerableCustomer = o.vulnerableCustomer();
        t.formalComplaint = o.formalComplaint();
        t.fssReference = o.fssReference();
        t.calendar = o.calendar();
        t.firstResponseDueAt = o.firstResponseDueAt();
        t.resolutionDueAt = o.resolutionDueAt();
        t.regulatoryDueAt = o.regulatoryDueAt();
        t.firstRespondedAt = o.firstRespondedAt();
        t.expectedResolutionAt = o.estimate().at();
        t.expectedResolutionBasis = o.estimate().basis().name();
        t.expectedResolutionNotice = o.estimate().notice();
        t.identityVerified = o.identityVerified();
        t.createdAt = change.at();
        t.linkInteraction(o.conversationId(), o.interactionId());
        t.history("OPENED", change, details(
                "interactionId", o.interactionId(), "conversationId", o.conversationId(),
                "channel", o.channel(), "category", o.category(), "priority", o.priority(), "skill", o.skill(),
                "signals", String.join(",", o.urgencySignals()), "why", String.join(", ", o.why()),
                "expectedResolutionAt", t.expectedResolutionAt, "estimateBasis", t.expectedResolutionBasis));
        if (o.upsetRepeatOf() != null) {
            t.flagUpsetRepeatContact(o.interactionId(), "이전 문의 " + o.upsetRepeatOf(), change);
        }
        t.emit(new TicketCreated(t.id, t.number, t.customerId, t.channel, t.category, t.priority, t.skill, t.subject,
                t.conversationIds, t.formalComplaint, t.firstResponseDueAt, t.resolutionDueAt, t.regulatoryDueAt,
                t.expectedResolutionAt), change);
        o.emergencyActions().stream().sorted()
                .forEach(action -> t.requestEmergencyAction(action, String.join(",", o.urgencySignals()), change));
        t.touch(change.at());
        return t;
    }

    // --- customers writing ---------------------------------------------------------------

    /**
     * A further message of the customer joins this ticket. Returns false for one already joined
     * (a redelivery). A ticket waiting on the customer returns to the stage it paused.
     */
    public boolean join(String conversationId, String interactionId, boolean verified, Change change,
            TicketPolicies policies) {
        if (interactionId != null && interactionIds().contains(interactionId)) {
            return false;
        }
        linkInteraction(conversationId, interactionId);
        history("CUSTOMER_WROTE", change, details("conversationId", conversationId, "interactionId", interactionId,
                "identityVerified", verified));
        identityVerified |= verified;
        if (stage == TicketStage.WAITING_ON_CUSTOMER) {
            transition(pausedStage, "고객 답변 수신", change, policies);
        } else if (stage == TicketStage.RESOLVED) {
            reopen("CUSTOMER_WROTE_AGAIN", change, policies);
        }
        touch(change.at());
        return true;
    }

    /** New urgency in a follow-up message: signals added, emergency actions requested, priority raised. */
    public void escalateUrgency(List<String> signals, Iterable<EmergencyAction> actions, Instant deadline,
            Change change, TicketPolicies policies) {
        signals.stream().filter(s -> !urgencySignals.contains(s)).forEach(urgencySignals::add);
        if (deadline != null && (deadlineAt == null || deadline.isBefore(deadlineAt))) {
            deadlineAt = deadline;
        }
        actions.forEach(action -> requestEmergencyAction(action, String.join(",", signals), change));
        raisePriority(policies.reassess(this, change.at()), "새로운 긴급 신호", change);
        touch(change.at());
    }

    // --- the process -----------------------------------------------------------------------

    /** One step of the process; throws {@link io.sori.ticket.lifecycle.IllegalTransitionException} otherwise. */
    public void transition(TicketStage to, String reason, Change change, TicketPolicies policies) {
        TicketStage from = stage;
        Lifecycle.check(from, to);
        if (Lifecycle.isReopen(from, to)) {
            reopen(reason == null ? "AGENT" : reason, change, policies);
            return;
        }
        if (from == TicketStage.WAITING_ON_CUSTOMER) {
            resumeClocks(change, policies.calendar(calendar));
        }
        if (to == TicketStage.WAITING_ON_CUSTOMER) {
            pausedStage = from;
            waitingSince = change.at();
        }
        stage = to;
        open = Lifecycle.isOpen(to);
        history("STAGE_CHANGED", change, details("from", from, "to", to, "reason", reason));
        if (open && to != TicketStage.WAITING_ON_CUSTOMER) {
            reestimate(policies, change);
        }
        emit(new TicketStageChanged(id, number, customerId, channel, from, to, reason, change.actor(),
                expectedResolutionAt), change);
        if (to == TicketStage.RESOLVED) {
            resolvedAt = change.at();
            emit(new TicketResolved(id, number, customerId, channel, category, assignee, resolvedAt), change);
        } else if (to == TicketStage.CLOSED) {
            closedAt = change.at();
            emit(new TicketClosed(id, customerId, closedAt), change);
        }
        touch(change.at());
    }

    private void reopen(String reason, Change change, TicketPolicies policies) {
        TicketStage from = stage;
        stage = TicketStage.IN_REVIEW;
        open = true;
        reopenCount++;
        resolvedAt = null;
        pickedUpAt = change.at(); // the work starts again
        Priority before = priority;
        Priority reassessed = policies.reassess(this, change.at());
        if (reassessed.ordinal() < priority.ordinal()) {
            setPriority(reassessed);
        }
        history("REOPENED", change, details("reason", reason, "priorityBefore", before, "priority", priority,
                "reopenCount", reopenCount));
        reestimate(policies, change, true);
        emit(new TicketStageChanged(id, number, customerId, channel, from, stage, reason, change.actor(),
                expectedResolutionAt), change);
        emit(new TicketReopened(id, customerId, reason, priority), change);
        touch(change.at());
    }

    /** Whether a resolved ticket may still reopen, or has sat resolved long enough to close. */
    public boolean resolvedWithin(Duration window, Instant now) {
        return stage == TicketStage.RESOLVED && resolvedAt != null && !resolvedAt.plus(window).isBefore(now);
    }

    /** Waiting on the customer does not count against the bank: the resolution clock moves on by the pause. */
    private void resumeClocks(Change change, BusinessCalendar cal) {
        if (waitingSince == null) {
            return;
        }
        Duration paused = cal.workingTimeBetween(waitingSince, change.at());
        waitingSince = null;
        pausedStage = null;
        if (paused.isZero() || paused.isNegative()) {
            return;
        }
        resolutionDueAt = cal.addWorkingTime(resolutionDueAt, paused);
        if (pickedUpAt != null) {
            pickedUpAt = cal.addWorkingTime(pickedUpAt, paused); // the estimate moves on by the pause
        }
    }

    // --- agents ------------------------------------------------------------------------------

    /** To an agent; the estimate counts from the first pickup and is told again. */
    public void assign(String agent, Change change, TicketPolicies policies) {
        if (agent.equals(assignee)) {
            return;
        }
        String previous = assignee;
        assignee = agent;
        assignedAt = change.at();
        if (pickedUpAt == null) {
            pickedUpAt = change.at();
        }
        history("ASSIGNED", change, details("assignee", agent, "previousAssignee", previous));
        emit(new TicketAssigned(id, customerId, agent, previous, skill, change.actor()), change);
        if (open && stage != TicketStage.WAITING_ON_CUSTOMER) {
            reestimate(policies, change, true);
        }
        touch(change.at());
    }

    /**
     * An angry contact about a matter the customer raised before: flagged, in the history, and
     * at least {@link #UPSET_REPEAT_PRIORITY}. Every such contact is a history line.
     */
    public void flagUpsetRepeatContact(String interactionId, String why, Change change) {
        upsetRepeatContact = true;
        history("UPSET_REPEAT_CONTACT", change, details("interactionId", interactionId, "why", why));
        raisePriority(UPSET_REPEAT_PRIORITY, "같은 건으로 다시 연락한 고객이 화가 나 있음", change);
        touch(change.at());
    }

    /** The agent's answer to the customer, delivered on the customer's channel. Returns the reply id. */
    public String reply(String text, Change change) {
        requireOpenOrResolved("reply");
        String replyId = UUID.randomUUID().toString();
        if (firstRespondedAt == null) {
            firstRespondedAt = change.at();
        }
        history("REPLIED", change, details("replyId", replyId, "text", text));
        emit(new TicketReplied(id, customerId, replyId, channel, lastConversationId, text, change.actor()), change);
        touch(change.at());
        return replyId;
    }

    public Note addNote(String text, Change change) {
        Note note = new Note(UUID.randomUUID().toString(), change.at(), change.actor(), text);
        notes.add(note);
        history("NOTE_ADDED", change, details("noteId", note.id()));
        touch(change.at());
        return note;
    }

    /** To the supervisor queue (팀장), one priority step up. Returns false when it already is there. */
    public boolean escalate(String reason, Change change) {
        if (escalated) {
            return false;
        }
        escalated = true;
        Priority before = priority;
        setPriority(oneStepUp(priority));
        history("ESCALATED", change, details("reason", reason, "priorityBefore", before, "priority", priority));
        emit(new TicketEscalated(id, customerId, reason, priority, change.actor()), change);
        touch(change.at());
        return true;
    }

    // --- clocks ------------------------------------------------------------------------------

    /** The clocks that have run out at {@code now} and were not yet reported. */
    public List<String> dueBreaches(Instant now) {
        if (!open) {
            return List.of();
        }
        List<String> due = new ArrayList<>();
        if (firstRespondedAt == null && firstResponseDueAt != null && !now.isBefore(firstResponseDueAt)) {
            due.add(FIRST_RESPONSE);
        }
        // waiting on the customer pauses the bank's own resolution clock, not the regulator's
        if (stage != TicketStage.WAITING_ON_CUSTOMER && resolutionDueAt != null && !now.isBefore(resolutionDueAt)) {
            due.add(RESOLUTION);
        }
        if (regulatoryDueAt != null && !now.isBefore(regulatoryDueAt)) {
            due.add(REGULATORY);
        }
        due.removeAll(breaches);
        return due;
    }

    /** Records a breach once: evented, priority up, to the supervisor queue. Returns false if known. */
    public boolean breach(String clock, Change change) {
        if (breaches.contains(clock)) {
            return false;
        }
        breaches.add(clock);
        Instant dueAt = switch (clock) {
            case FIRST_RESPONSE -> firstResponseDueAt;
            case RESOLUTION -> resolutionDueAt;
            default -> regulatoryDueAt;
        };
        Priority before = priority;
        setPriority(oneStepUp(priority));
        history("SLA_BREACHED", change, details("clock", clock, "dueAt", dueAt, "priorityBefore", before,
                "priority", priority));
        emit(new TicketSlaBreached(id, customerId, clock, dueAt, priority), change);
        if (!escalated) {
            escalated = true;
            emit(new TicketEscalated(id, customerId, clock + " breached", priority, change.actor()), change);
        }
        touch(change.at());
        return true;
    }

    /**
     * Recomputes the estimate (on assignment, on every stage change that leaves work to do, on a
     * reopen) and tells the customer whenever it says something new: another time, or another
     * reason. An estimate nobody can make yet is recorded with its notice and announced once known.
     */
    private void reestimate(TicketPolicies policies, Change change) {
        reestimate(policies, change, false);
    }

    /** @param announce tell the customer even when the time stays (an assignment, a reopen: news in itself) */
    private void reestimate(TicketPolicies policies, Change change, boolean announce) {
        policies.estimate(this, change.at()).ifPresent(estimate -> {
            Instant previous = expectedResolutionAt;
            String previousBasis = expectedResolutionBasis;
            expectedResolutionAt = estimate.at();
            expectedResolutionBasis = estimate.basis().name();
            expectedResolutionNotice = estimate.notice();
            boolean moved = previous == null || !estimate.known()
                    || Duration.between(previous, estimate.at()).abs().compareTo(NOTICEABLE_MOVE) >= 0;
            if (!estimate.known() || (!announce && !moved && estimate.basis().name().equals(previousBasis))) {
                return;
            }
            String reason = estimate.notice() != null ? estimate.notice() : assignee != null
                    ? "담당 상담사가 처리하고 있어 처리 예정 시각을 다시 안내해 드립니다."
                    : "처리 예정 시각을 다시 계산해 안내해 드립니다.";
            history("ESTIMATE_CHANGED", change, details("previous", previous, "expectedResolutionAt", estimate.at(),
                    "basis", estimate.basis(), "ahead", estimate.ahead()));
            emit(new ExpectedResolutionChanged(id, number, customerId, channel, previous, expectedResolutionAt,
                    reason), change);
        });
    }

    /**
     * A complaint said in a later message ("정식으로 민원 넣을게요") makes the ticket a formal complaint:
     * its regulatory clock starts at that message, and the receipt is confirmed as for a complaint form.
     */
    public boolean becomeFormalComplaint(Instant regulatoryDue, Change change, TicketPolicies policies) {
        if (formalComplaint) {
            return false;
        }
        formalComplaint = true;
        if (regulatoryDueAt == null) {
            regulatoryDueAt = regulatoryDue;
        }
        history("FORMAL_COMPLAINT", change, details("regulatoryDueAt", regulatoryDueAt));
        raisePriority(policies.reassess(this, change.at()), "정식 민원 접수", change);
        touch(change.at());
        return true;
    }

    /** The immediate receipt confirmation of a formal complaint (민원), naming who handles it. Once. */
    public boolean confirmReceipt(String handlerName, String handlerContact, Change change) {
        if (!formalComplaint || receiptConfirmed) {
            return false;
        }
        receiptConfirmed = true;
        history("RECEIPT_CONFIRMED", change, details("handler", handlerName, "contact", handlerContact));
        emit(new ComplaintReceiptConfirmed(id, number, customerId, channel, handlerName, handlerContact,
                expectedResolutionAt, regulatoryDueAt), change);
        touch(change.at());
        return true;
    }

    /** The one extension of the regulatory clock, allowed only with a notice to the customer. */
    public void extendRegulatoryDeadline(Instant newDueAt, String customerNotice, Change change) {
        if (!formalComplaint || regulatoryDueAt == null) {
            throw ProblemException.conflict("not-a-formal-complaint",
                    "only a formal complaint has a regulatory deadline to extend");
        }
        if (regulatoryExtended) {
            throw ProblemException.conflict("extension-used",
                    "the regulatory deadline of ticket " + number + " was already extended once");
        }
        if (!newDueAt.isAfter(regulatoryDueAt)) {
            throw ProblemException.badRequest("businessDays", "the extension must move the deadline later");
        }
        Instant previous = regulatoryDueAt;
        regulatoryDueAt = newDueAt;
        regulatoryExtended = true;
        breaches.remove(REGULATORY);
        history("REGULATORY_EXTENDED", change, details("previous", previous, "regulatoryDueAt", newDueAt,
                "notice", customerNotice));
        emit(new RegulatoryDeadlineExtended(id, number, customerId, channel, previous, newDueAt, customerNotice),
                change);
        touch(change.at());
    }

    // --- emergency actions -------------------------------------------------------------------

    /** Asks the core-banking system once per ticket and action; the customer is told it was asked. */
    public boolean requestEmergencyAction(EmergencyAction action, String reason, Change change) {
        String actionId = id + ":" + action.name();
        if (emergencyAction(actionId).isPresent()) {
            return false;
        }
        emergencyActions.add(new EmergencyActionRecord(actionId, action, EmergencyActionRecord.REQUESTED,
                change.at(), change.at(), null, null));
        history("EMERGENCY_REQUESTED", change, details("action", action, "actionId", actionId, "reason", reason));
        emit(new EmergencyActionRequested(actionId, id, customerId, action, reason), change);
        emit(new TicketEmergencyActionUpdated(id, number, customerId, channel, actionId, action,
                EmergencyActionRecord.REQUESTED, null, EmergencyNotices.requested(action)), change);
        touch(change.at());
        return true;
    }

    /**
     * The core-banking system's answer. Idempotent: only a REQUESTED action settles. A failure
     * escalates at once, to the top of the supervisor queue.
     */
    public boolean settleEmergencyAction(String actionId, boolean completed, String bankReference,
            String failureReason, Change change) {
        Optional<EmergencyActionRecord> found = emergencyAction(actionId);
        if (found.isEmpty() || !EmergencyActionRecord.REQUESTED.equals(found.get().status())) {
            return false;
        }
        EmergencyActionRecord action = found.get();
        String status = completed ? EmergencyActionRecord.COMPLETED : EmergencyActionRecord.FAILED;
        emergencyActions.set(emergencyActions.indexOf(action),
                action.settle(status, change.at(), bankReference, failureReason));
        history("EMERGENCY_" + status, change, details("action", action.action(), "actionId", actionId,
                "bankReference", bankReference, "failureReason", failureReason));
        emit(new TicketEmergencyActionUpdated(id, number, customerId, channel, actionId, action.action(), status,
                bankReference, completed ? EmergencyNotices.completed(action.action(), bankReference)
                        : EmergencyNotices.failed(action.action())), change);
        if (!completed) {
            setPriority(Priority.URGENT);
            escalated = false; // a fresh escalation, even if it was escalated before for another reason
            escalate(action.action() + " failed: " + failureReason, change);
        }
        touch(change.at());
        return true;
    }

    private Optional<EmergencyActionRecord> emergencyAction(String actionId) {
        return emergencyActions.stream().filter(a -> a.actionId().equals(actionId)).findFirst();
    }

    // --- survey follow-up --------------------------------------------------------------------

    /**
     * A low survey score: the ticket is flagged for quality review and, when {@code reopen} and it is
     * still RESOLVED, reopened. Once per survey (a repeated report changes nothing).
     */
    public boolean flagForQualityReview(String surveyId, int overall, Boolean resolved, String comment,
            boolean reopen, Change change, TicketPolicies policies) {
        if (qualityReview != null && qualityReview.surveyId().equals(surveyId)) {
            return false;
        }
        boolean reopens = reopen && stage == TicketStage.RESOLVED;
        qualityReview = new QualityReview(surveyId, overall, resolved, comment, change.at(), reopens);
        history("QUALITY_REVIEW_FLAGGED", change, details("surveyId", surveyId, "overall", overall,
                "resolved", resolved, "comment", comment, "reopened", reopens));
        if (reopens) {
            transition(TicketStage.IN_REVIEW, "LOW_SATISFACTION", change, policies);
        }
        touch(change.at());
        return true;
    }

    // --- internals ---------------------------------------------------------------------------

    private void raisePriority(Priority candidate, String reason, Change change) {
        if (candidate.ordinal() >= priority.ordinal()) {
            return;
        }
        Priority before = priority;
        setPriority(candidate);
        history("PRIORITY_RAISED", change, details("from", before, "to", candidate, "reason", reason));
    }

    private void requireOpenOrResolved(String what) {
        if (stage == TicketStage.CLOSED) {
            throw ProblemException.conflict("ticket-closed", "ticket " + number + " is closed: no " + what);
        }
    }

    private static Priority oneStepUp(Priority p) {
        return p == Priority.URGENT ? p : Priority.values()[p.ordinal() - 1];
    }

    private void setPriority(Priority p) {
        priority = p;
        priorityRank = p.ordinal();
    }

    private void linkInteraction(String conversationId, String interactionId) {
        if (conversationId != null) {
            lastConversationId = conversationId;
            if (!conversationIds.contains(conversationId)) {
                conversationIds.add(conversationId);
            }
        }
        if (interactionId != null && !interactionIds().contains(interactionId)) {
            if (interactionIds == null) {
                interactionIds = new ArrayList<>();
            }
            interactionIds.add(interactionId);
        }
    }

    private void touch(Instant at) {
        updatedAt = at;
        if (interactionIds != null && interactionIds.isEmpty()) {
            interactionIds = null; // a ticket written before the field was kept absent
        }
        breached = !breaches.isEmpty();
        queueDueAt = Stream.of(deadlineAt, firstRespondedAt == null ? firstResponseDueAt : null, resolutionDueAt)
                .filter(java.util.Objects::nonNull).min(Instant::compareTo).orElse(null);
    }

    private void history(String action, Change change, Map<String, String> details) {
        history.add(new HistoryEntry(change.at(), change.actor(), action, details));
    }

    private void emit(SoriEvent event, Change change) {
        outbox.add(OutboxMessage.of(event, change.correlationId(), change.at()));
    }

    private static Map<String, String> details(Object... keyValues) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            Object value = keyValues[i + 1];
            if (value != null && !(value instanceof String s && s.isEmpty())) {
                map.put((String) keyValues[i], String.valueOf(value));
            }
        }
        return map;
    }

    public String id() { return id; }
    public String number() { return number; }
    public String customerId() { return customerId; }
    public Channel channel() { return channel; }
    public String category() { return category; }
    public String skill() { return skill; }
    public Priority priority() { return priority; }
    public TicketStage stage() { return stage; }
    public TicketStage pausedStage() { return pausedStage; }
    public boolean isOpen() { return open; }
    public String assignee() { return assignee; }
    public Instant assignedAt() { return assignedAt; }
    public String subject() { return subject; }
    public String description() { return description; }
    public List<String> urgencySignals() { return List.copyOf(urgencySignals); }
    public Instant deadlineAt() { return deadlineAt; }
    public boolean vulnerableCustomer() { return vulnerableCustomer; }
    public boolean formalComplaint() { return formalComplaint; }
    public String fssReference() { return fssReference; }
    public boolean receiptConfirmed() { return receiptConfirmed; }
    public String calendar() { return calendar; }
    public Instant firstResponseDueAt() { return firstResponseDueAt; }
    public Instant resolutionDueAt() { return resolutionDueAt; }
    public Instant regulatoryDueAt() { return regulatoryDueAt; }
    public boolean regulatoryExtended() { return regulatoryExtended; }
    public Instant queueDueAt() { return queueDueAt; }
    public List<String> breaches() { return List.copyOf(breaches); }
    public boolean slaBreached() { return !breaches.isEmpty(); }
    public boolean escalated() { return escalated; }
    public Instant firstRespondedAt() { return firstRespondedAt; }
    public Instant resolvedAt() { return resolvedAt; }
    public Instant closedAt() { return closedAt; }
    public int reopenCount() { return reopenCount; }
    public QualityReview qualityReview() { return qualityReview; }
    public Instant expectedResolutionAt() { return expectedResolutionAt; }
    public String expectedResolutionBasis() { return expectedResolutionBasis; }
    public String expectedResolutionNotice() { return expectedResolutionNotice; }
    public Instant pickedUpAt() { return pickedUpAt; }
    public boolean identityVerified() { return identityVerified; }
    public boolean upsetRepeatContact() { return upsetRepeatContact; }
    public String lastConversationId() { return lastConversationId; }
    public List<String> conversationIds() { return List.copyOf(conversationIds); }
    public List<String> interactionIds() { return interactionIds == null ? List.of() : List.copyOf(interactionIds); }
    public List<EmergencyActionRecord> emergencyActions() { return List.copyOf(emergencyActions); }
    public List<Note> notes() { return List.copyOf(notes); }
    public List<HistoryEntry> history() { return List.copyOf(history); }
    public List<OutboxMessage> pendingEvents() { return List.copyOf(outbox); }
    public Instant createdAt() { return createdAt; }
    public Instant updatedAt() { return updatedAt; }
    public Long version() { return version; }
}
