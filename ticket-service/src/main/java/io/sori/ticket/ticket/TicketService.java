package io.sori.ticket.ticket;

import io.sori.events.banking.EmergencyActionCompleted;
import io.sori.events.banking.EmergencyActionFailed;
import io.sori.events.channel.Channel;
import io.sori.events.channel.InteractionRecorded;
import io.sori.events.survey.LowSatisfactionReported;
import io.sori.events.ticket.Priority;
import io.sori.events.ticket.TicketStage;
import io.sori.platform.security.Actor;
import io.sori.platform.security.Role;
import io.sori.platform.web.ProblemException;
import io.sori.ticket.classification.Classification;
import io.sori.ticket.lifecycle.Lifecycle;
import io.sori.ticket.routing.RoutingService;
import io.sori.ticket.routing.RoutingTrigger;
import io.sori.ticket.sla.BusinessCalendar;
import io.sori.ticket.sla.SlaPolicies;
import io.sori.ticket.ticket.QueueStats.Staffing;
import java.util.Optional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * The ticket use cases: intake from every channel (open, thread, reopen), agents opening and
 * working tickets, and the core-banking and survey answers that change them.
 */
@Service
public class TicketService {

    private static final Logger log = LoggerFactory.getLogger(TicketService.class);

    private final ReactiveMongoTemplate mongo;
    private final TicketWriter writer;
    private final TicketNumbers numbers;
    private final TicketRules rules;
    private final QueueStats queue;
    private final RoutingService routing;
    private final RoutingTrigger routingTrigger;
    private final TicketMetrics metrics;
    private final Clock clock;

    TicketService(ReactiveMongoTemplate mongo, TicketWriter writer, TicketNumbers numbers, TicketRules rules,
            QueueStats queue, RoutingService routing, RoutingTrigger routingTrigger, TicketMetrics metrics,
            Clock clock) {
        this.mongo = mongo;
        this.writer = writer;
        this.numbers = numbers;
        this.rules = rules;
        this.queue = queue;
        this.routing = routing;
        this.routingTrigger = routingTrigger;
        this.metrics = metrics;
        this.clock = clock;
    }

    /** What an agent types to open a ticket by hand (a phone call, a letter, a walk-in email). */
    public record NewTicket(String customerId, Channel channel, String category, String subject, String description,
            Instant deadlineAt, boolean vulnerableCustomer, boolean formalComplaint, String fssReference,
            Instant fssDueAt, boolean identityVerified) {
    }

    // --- intake ------------------------------------------------------------------------------

    /**
     * The ticket this interaction opened or joined; empty when no person is needed. A message in a
     * conversation that has a ticket joins it (reopening it within the reopen window); otherwise an
     * open ticket of the same customer and category takes it; otherwise a new ticket opens.
     * Redelivery changes nothing: interaction ids are unique across tickets.
     */
    public Mono<Ticket> intake(InteractionRecorded interaction, String correlationId) {
        if (!interaction.needsHuman()) {
            return Mono.empty();
        }
        Instant now = clock.instant();
        String text = textOf(interaction);
        Classification c = rules.classify(text, interaction.categoryHint(), interaction.deadlineAt(), now);
        return threadFor(interaction, c)
                .flatMap(existing -> join(existing, interaction, c, correlationId))
                .switchIfEmpty(Mono.defer(() -> openFromInteraction(interaction, c, correlationId)))
                // the interaction reached a ticket by another delivery meanwhile: that one holds it
                .onErrorResume(DuplicateKeyException.class, duplicate -> holding(interaction.interactionId())
                        .switchIfEmpty(Mono.error(duplicate)))
                .doOnError(failure -> metrics.intakeFailed(interaction, failure));
    }

    private Mono<Ticket> holding(String interactionId) {
        return mongo.findOne(Query.query(Criteria.where("interactionIds").is(interactionId)), Ticket.class);
    }

    private Mono<Ticket> threadFor(InteractionRecorded interaction, Classification c) {
        Instant now = clock.instant();
        Query byConversation = Query.query(Criteria.where("conversationIds").is(interaction.conversationId())
                .and("stage").ne(TicketStage.CLOSED)).with(Sort.by(Sort.Order.desc("createdAt"))).limit(1);
        Query byCustomerAndCategory = Query.query(Criteria.where("customerId").is(interaction.customerId())
                .and("category").is(c.category().name()).and("open").is(true))
                .with(Sort.by(Sort.Order.desc("createdAt"))).limit(1);
        return holding(interaction.interactionId())
                .switchIfEmpty(mongo.findOne(byConversation, Ticket.class)
                        .filter(t -> t.isOpen() || t.resolvedWithin(rules.settings().reopenWindow(), now)))
                .switchIfEmpty(mongo.findOne(byCustomerAndCategory, Ticket.class));
    }

    private Mono<Ticket> join(Ticket found, InteractionRecorded interaction, Classification c, String correlationId) {
        if (found.interactionIds().contains(interaction.interactionId())) {
            return Mono.just(found); // redelivered: already in this ticket
        }
        return queue.staffing(found.skill(), found.priority().ordinal())
                .flatMap(staffing -> writer.update(found.id(), null, "customer:" + interaction.customerId(),
                        correlationId, (ticket, change) -> {
                            if (!ticket.isOpen() && !ticket.resolvedWithin(rules.settings().reopenWindow(),
                                    change.at())) {
                                throw new TicketNoLongerJoinable();
                            }
                            TicketPolicies policies = rules.staffed(staffing);
                            if (!ticket.join(interaction.conversationId(), interaction.interactionId(),
                                    interaction.identityVerified(), change, policies)) {
                                return false;
                            }
                            ticket.escalateUrgency(names(c), c.emergencyActions(), c.deadlineAt(), change, policies);
                            if (interaction.formalComplaint() || c.formalComplaint()) {
                                ticket.becomeFormalComplaint(rules.regulatoryDue(change.at()), change, policies);
                            }
                            if (interaction.upset()) {
                                // joining (or reopening) means the customer raised this matter before
                                ticket.flagUpsetRepeatContact(interaction.interactionId(),
                                        "같은 건 재문의 (" + ticket.number() + ")", change);
                            }
                            return true;
                        }))
                .doOnSuccess(t -> log.info("interaction {} joined ticket {}", interaction.interactionId(), t.number()))
                // a complaint said in this message is confirmed at once, as one filed on the form is
                .flatMap(t -> t.formalComplaint() && !t.receiptConfirmed() ? confirmReceiptIfDue(t.id(), correlationId)
                        : Mono.just(t))
                // closed between finding and joining it: the contact starts a new ticket instead
                .onErrorResume(TicketNoLongerJoinable.class,
                        closed -> openFromInteraction(interaction, c, correlationId));
    }

    private static final class TicketNoLongerJoinable extends RuntimeException {
        TicketNoLongerJoinable() {
            super(null, null, false, false);
        }
    }

    private Mono<Ticket> openFromInteraction(InteractionRecorded interaction, Classification c, String correlationId) {
        // a complaint said in words ("정식으로 민원 접수할게요") is as formal as one filed on the complaint form
        boolean formalComplaint = interaction.formalComplaint() || c.formalComplaint();
        Priority priority = rules.priorityFor(c, interaction.vulnerableCustomer(), formalComplaint, 0,
                clock.instant());
        Mono<String> earlier = interaction.upset() ? recentTicketOfTheSameMatter(interaction.customerId(),
                c.category().name()).map(Ticket::number) : Mono.empty();
        return earlier.map(Optional::of).defaultIfEmpty(Optional.empty())
                .flatMap(repeatOf -> open(UUID.randomUUID().toString(), new Draft(interaction.customerId(),
                        interaction.channel(),
                        interaction.conversationId(), interaction.interactionId(), subjectOf(interaction),
                        interaction.text(), c, repeatOf.isPresent() ? atLeast(priority, Priority.HIGH) : priority, interaction.vulnerableCustomer(),
                        formalComplaint, null, null, null, interaction.identityVerified(),
                        repeatOf.orElse(null)), "customer:" + interaction.customerId(), correlationId));
    }

    /** The customer's latest ticket of the category, opened or resolved within the reopen window, any stage. */
    private Mono<Ticket> recentTicketOfTheSameMatter(String customerId, String category) {
        Instant since = clock.instant().minus(rules.settings().reopenWindow());
        return mongo.findOne(Query.query(Criteria.where("customerId").is(customerId).and("category").is(category)
                        .orOperator(Criteria.where("createdAt").gte(since), Criteria.where("resolvedAt").gte(since),
                                Criteria.where("closedAt").gte(since)))
                .with(Sort.by(Sort.Order.desc("createdAt"))).limit(1), Ticket.class);
    }

    /**
     * An agent opens a ticket; the agent has already spoken to the customer, so first response is met.
     * With an idempotency key the ticket's id comes from the agent and the key, so sending the same
     * request again (after a timeout, a double click) answers the ticket the first one opened instead
     * of opening a second: it is looked up first, and two sends racing meet at the store's unique id.
     */
    public Mono<Ticket> openByAgent(NewTicket request, Actor agent, String idempotencyKey, String correlationId) {
        if (idempotencyKey == null) {
            return openAnew(request, agent, UUID.randomUUID().toString(), correlationId);
        }
        String id = UUID.nameUUIDFromBytes(("opened-by:" + agent.id() + "|" + idempotencyKey)
                .getBytes(java.nio.charset.StandardCharsets.UTF_8)).toString();
        return mongo.findById(id, Ticket.class)
                .switchIfEmpty(Mono.defer(() -> openAnew(request, agent, id, correlationId)))
                .onErrorResume(DuplicateKeyException.class, raced -> mongo.findById(id, Ticket.class));
    }

    private Mono<Ticket> openAnew(NewTicket request, Actor agent, String id, String correlationId) {
        Instant now = clock.instant();
        String text = request.subject() + "\n" + (request.description() == null ? "" : request.description());
        Classification c = rules.classify(text, request.category(), request.deadlineAt(), now);
        Priority priority = rules.priorityFor(c, request.vulnerableCustomer(), request.formalComplaint(), 0, now);
        Draft draft = new Draft(request.customerId(), request.channel(), null, null, request.subject(),
                request.description(), c, priority, request.vulnerableCustomer(),
                request.formalComplaint() || request.fssReference() != null, request.fssReference(),
                request.fssDueAt(), now, request.identityVerified(), null);
        return open(id, draft, agent.id(), correlationId);
    }

    private record Draft(String customerId, Channel channel, String conversationId, String interactionId,
            String subject, String description, Classification classification, Priority priority,
            boolean vulnerable, boolean formalComplaint, String fssReference, Instant fssDueAt,
            Instant firstRespondedAt, boolean identityVerified, String upsetRepeatOf) {
    }

    private Mono<Ticket> open(String id, Draft d, String actor, String correlationId) {
        Instant now = clock.instant();
        Classification c = d.classification();
        String category = c.category().name();
        String skill = c.skill().name();
        String calendarName = rules.calendarNameFor(skill);
        BusinessCalendar calendar = rules.calendar(calendarName);
        SlaPolicies.Targets targets = rules.targets(category, d.priority());
        Instant firstResponseDue = calendar.addWorkingTime(now, targets.firstResponse());
        Instant resolutionDue = calendar.addWorkingTime(now, targets.resolution());
        // an FSS referral runs on the clock the supervisor set; other formal complaints on the statutory one
        Instant regulatoryDue = d.fssDueAt() != null ? d.fssDueAt()
                : d.formalComplaint() ? rules.regulatoryDue(now) : null;
        return Mono.zip(numbers.next(), queue.staffing(skill, d.priority().ordinal()))
                .flatMap(found -> {
                    var estimate = rules.estimate(now, calendarName, category, found.getT2(), resolutionDue,
                            c.deadlineAt());
                    Opening opening = new Opening(id, found.getT1(), d.customerId(),
                            d.channel(), d.conversationId(), d.interactionId(), d.subject(), d.description(),
                            category, skill, d.priority(), names(c), c.deadlineAt(), d.vulnerable(),
                            d.formalComplaint(), calendarName, firstResponseDue, resolutionDue, regulatoryDue,
                            d.fssReference(), estimate, c.emergencyActions(), d.firstRespondedAt(),
                            c.matchedKeywords(), d.identityVerified(), d.upsetRepeatOf());
                    Ticket ticket = Ticket.open(opening, new Change(actor, correlationId, now));
                    return writer.insert(ticket);
                })
                .doOnSuccess(created -> {
                    metrics.created(created);
                    log.info("opened ticket {} ({}, {}, {}) with {} emergency action(s)", created.number(),
                            created.category(), created.priority(), created.channel(),
                            created.emergencyActions().size());
                })
                .flatMap(created -> routing.route(created)
                        .onErrorResume(e -> Mono.just(false))
                        .flatMap(assigned -> confirmReceiptIfDue(created.id(), correlationId))
                        .thenReturn(created));
    }

    /** A formal complaint nobody took yet is confirmed at once naming the complaint desk. */
    public Mono<Ticket> confirmReceiptIfDue(String ticketId, String correlationId) {
        TicketSettings s = rules.settings();
        return writer.update(ticketId, null, "system", correlationId,
                (ticket, change) -> ticket.confirmReceipt(s.complaintDeskName(), s.complaintDeskContact(), change));
    }

    // --- agents ------------------------------------------------------------------------------

    public Mono<Ticket> transition(String id, TicketStage to, String reason, long version, Actor actor,
            String correlationId) {
        return staffingOf(id).flatMap(staffing -> writer.update(id, version, actor.id(), correlationId,
                        (ticket, change) -> {
                    TicketStage from = ticket.stage();
                    ticket.transition(to, reason, change, rules.staffed(staffing));
                    if (to == TicketStage.RESOLVED) {
                        metrics.resolved(ticket);
                    }
                    return from != ticket.stage() || Lifecycle.isReopen(from, to);
                }))
                .flatMap(ticket -> !ticket.isOpen() ? routing.release(ticket.assignee()).thenReturn(ticket)
                        : Mono.just(ticket));
    }

    public Mono<Ticket> reply(String id, String text, Actor actor, String correlationId) {
        return writer.update(id, null, actor.id(), correlationId, (ticket, change) -> {
            boolean first = ticket.firstRespondedAt() == null;
            ticket.reply(text, change);
            if (first) {
                metrics.firstResponse(ticket);
            }
            return true;
        });
    }

    public Mono<Ticket> addNote(String id, String text, Actor actor, String correlationId) {
        return writer.update(id, null, actor.id(), correlationId, (ticket, change) -> {
            ticket.addNote(text, change);
            return true;
        });
    }

    /**
     * A supervisor gives the ticket to anyone; an agent may only take an unassigned ticket for
     * themselves (of two agents racing for it, one wins and the other gets 409); no assignee
     * routes it automatically.
     */
    public Mono<Ticket> assign(String id, String assignee, Actor actor, String correlationId) {
        if (assignee == null) {
            actor.require(Role.SUPERVISOR, Role.ADMIN);
            return writer.update(id, null, actor.id(), correlationId, (ticket, change) -> {
                        if (!ticket.isOpen()) {
                            throw ProblemException.conflict("ticket-not-open", "ticket " + ticket.number() + " is "
                                    + ticket.stage() + ": nothing to route");
                        }
                        return false;
                    })
                    .flatMap(ticket -> ticket.assignee() != null ? Mono.just(ticket)
                            : routing.route(ticket).then(mongo.findById(id, Ticket.class)));
        }
        boolean supervisor = actor.has(Role.SUPERVISOR, Role.ADMIN);
        if (!supervisor && !assignee.equals(actor.id())) {
            throw new ProblemException(org.springframework.http.HttpStatus.FORBIDDEN, "forbidden", "Forbidden",
                    "only a supervisor assigns tickets to someone else");
        }
        String[] previous = new String[1];
        return mongo.exists(Query.query(Criteria.where("_id").is(assignee)), io.sori.ticket.routing.Agent.class)
                .flatMap(known -> known ? Mono.empty() : Mono.error(ProblemException.badRequest("assignee",
                        "no agent " + assignee + " is registered")))
                .then(writer.update(id, null, actor.id(), correlationId, (ticket, change) -> {
                    if (!ticket.isOpen()) {
                        throw ProblemException.conflict("ticket-not-open",
                                "ticket " + ticket.number() + " is " + ticket.stage());
                    }
                    if (!supervisor && ticket.assignee() != null && !ticket.assignee().equals(assignee)) {
                        throw ProblemException.conflict("already-assigned",
                                "ticket " + ticket.number() + " was taken by " + ticket.assignee())
                                .with("assignee", ticket.assignee());
                    }
                    previous[0] = ticket.assignee();
                    ticket.assign(assignee, change, rules);
                    return true;
                }))
                .flatMap(ticket -> previous[0] != null && !previous[0].equals(assignee)
                        ? routing.release(previous[0]).thenReturn(ticket) : Mono.just(ticket));
    }

    public Mono<Ticket> escalate(String id, String reason, Actor actor, String correlationId) {
        return writer.update(id, null, actor.id(), correlationId, (ticket, change) -> {
            if (!ticket.isOpen()) {
                throw ProblemException.conflict("ticket-not-open", "ticket " + ticket.number() + " is " + ticket.stage());
            }
            return ticket.escalate(reason, change);
        }).doOnSuccess(t -> routingTrigger.poke());
    }

    public Mono<Ticket> extendRegulatoryDeadline(String id, String customerNotice, Actor actor,
            String correlationId) {
        return writer.update(id, null, actor.id(), correlationId, (ticket, change) -> {
            if (ticket.regulatoryDueAt() == null) {
                throw ProblemException.conflict("not-a-formal-complaint",
                        "only a formal complaint has a regulatory deadline to extend");
            }
            ticket.extendRegulatoryDeadline(rules.extendedRegulatoryDue(ticket.regulatoryDueAt()), customerNotice,
                    change);
            return true;
        });
    }

    // --- answers from outside -----------------------------------------------------------------

    public Mono<Void> emergencyCompleted(EmergencyActionCompleted done, String correlationId) {
        return settle(done.ticketId(), done.actionId(), true, done.bankReference(), null, correlationId);
    }

    public Mono<Void> emergencyFailed(EmergencyActionFailed failed, String correlationId) {
        return settle(failed.ticketId(), failed.actionId(), false, null, failed.reason(), correlationId)
                .doOnSuccess(v -> routingTrigger.poke());
    }

    private Mono<Void> settle(String ticketId, String actionId, boolean completed, String reference, String reason,
            String correlationId) {
        return writer.update(ticketId, null, "core-banking", correlationId, (ticket, change) -> {
                    boolean settled = ticket.settleEmergencyAction(actionId, completed, reference, reason, change);
                    if (settled) {
                        metrics.emergencySettled(actionId, completed);
                    }
                    return settled;
                })
                .onErrorResume(ProblemException.class, unknown -> {
                    log.warn("acknowledgement for unknown ticket {} (action {}) ignored", ticketId, actionId);
                    return Mono.empty();
                })
                .then();
    }

    /**
     * A low survey score flags the ticket for quality review and, when {@code reopen} (the policy's
     * call) and the ticket is still resolved, reopens it; a closed ticket stays closed. An unknown
     * ticket is ignored (the score still counts in survey-service).
     */
    public Mono<Void> lowSatisfaction(LowSatisfactionReported report, boolean reopen, String correlationId) {
        return writer.update(report.ticketId(), null, "survey", correlationId, (ticket, change) -> ticket
                        .flagForQualityReview(report.surveyId(), report.overall(), report.resolved(), report.comment(),
                                reopen, change, rules))
                .onErrorResume(ProblemException.class, unknown -> Mono.empty())
                .then();
    }

    /** The staffing of the queue the ticket waits in; none known for a ticket that does not exist. */
    private Mono<Staffing> staffingOf(String ticketId) {
        return mongo.findById(ticketId, Ticket.class)
                .flatMap(t -> queue.staffing(t.skill(), t.priority().ordinal()))
                .defaultIfEmpty(Staffing.NONE);
    }

    private static Priority atLeast(Priority p, Priority floor) {
        return p.ordinal() <= floor.ordinal() ? p : floor;
    }

    private static List<String> names(Classification c) {
        return c.signals().stream().map(Enum::name).sorted().toList();
    }

    private static String textOf(InteractionRecorded interaction) {
        String subject = interaction.subject() == null ? "" : interaction.subject() + "\n";
        return subject + (interaction.text() == null ? "" : interaction.text());
    }

    private static String subjectOf(InteractionRecorded interaction) {
        if (interaction.subject() != null && !interaction.subject().isBlank()) {
            return interaction.subject();
        }
        String text = interaction.text() == null ? "" : interaction.text().strip();
        return text.length() <= 40 ? text : text.substring(0, 40) + "…";
    }
}
