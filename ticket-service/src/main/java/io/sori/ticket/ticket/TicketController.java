package io.sori.ticket.ticket;

import io.sori.events.channel.Channel;
import io.sori.events.ticket.Priority;
import io.sori.events.ticket.TicketStage;
import io.sori.platform.redaction.PiiRedactor;
import io.sori.platform.security.Actor;
import io.sori.platform.security.Role;
import io.sori.platform.web.IdempotentRequests;
import io.sori.platform.web.ProblemException;
import io.sori.platform.web.RequestIds;
import io.sori.events.Category;
import io.sori.platform.intent.CategoryNames;
import io.sori.ticket.routing.Agent;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** The tickets API of API.md: staff work tickets; a customer sees only their own, and only the customer view. */
@RestController
@RequestMapping("/api/tickets")
class TicketController {

    static final String ID_PATTERN = "[A-Za-z0-9][A-Za-z0-9_.:-]{0,63}";
    private static final java.util.regex.Pattern ID = java.util.regex.Pattern.compile(ID_PATTERN);
    private static final int MAX_PAGE_SIZE = 100;
    private static final int MAX_QUERY_LENGTH = 100;

    private final TicketService service;
    private final ReactiveMongoTemplate mongo;
    /** Staff write free text too (a customer's card or resident number read out on the phone): masked before it is kept. */
    private final PiiRedactor redactor;
    private final IdempotentRequests idempotent;

    TicketController(TicketService service, ReactiveMongoTemplate mongo, PiiRedactor redactor,
            IdempotentRequests idempotent) {
        this.service = service;
        this.mongo = mongo;
        this.redactor = redactor;
        this.idempotent = idempotent;
    }

    record NewTicketRequest(
            @NotBlank @Pattern(regexp = ID_PATTERN, message = "must be a customer id") String customerId,
            @NotNull Channel channel,
            @Size(max = 40) String category,
            @NotBlank @Size(max = 200) String subject,
            @Size(max = 10000) String description,
            Instant deadlineAt,
            Boolean vulnerableCustomer,
            Boolean formalComplaint,
            @Pattern(regexp = ID_PATTERN, message = "must be an FSS reference") String fssReference,
            Instant fssDueAt,
            Boolean identityVerified) {
    }

    record TransitionRequest(@NotNull TicketStage to, @Size(max = 500) String reason, @NotNull Long version) {
    }

    record TextRequest(@NotBlank @Size(max = 5000) String text) {
    }

    record AssignmentRequest(@Pattern(regexp = ID_PATTERN, message = "must be an agent id") String assignee) {
    }

    record EscalationRequest(@NotBlank @Size(max = 500) String reason) {
    }

    record ExtensionRequest(@NotBlank @Size(max = 2000) String customerNotice) {
    }

    record ReplyAccepted(String ticketId, String replyId) {
    }

    record TicketPage(List<TicketView> items, int page, int size, long total) {
    }

    record Queue(String agentId, List<TicketView> assigned, List<TicketView> nextUp, List<TicketView> escalated) {
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    Mono<TicketView> open(@Valid @RequestBody NewTicketRequest request, Actor actor,
            @RequestHeader(value = IdempotentRequests.HEADER, required = false) String idempotencyKey) {
        actor.require(Role.AGENT, Role.SUPERVISOR, Role.ADMIN);
        if (idempotencyKey != null) {
            requireId(IdempotentRequests.HEADER, idempotencyKey);
        }
        if (request.category() != null && CategoryNames.parse(request.category()).isEmpty()) {
            throw ProblemException.badRequest("category", "must be one of " + List.of(Category.values()));
        }
        if (request.fssDueAt() != null && request.fssReference() == null) {
            throw ProblemException.badRequest("fssReference", "an FSS due date needs the FSS reference");
        }
        var newTicket = new TicketService.NewTicket(request.customerId(), request.channel(), request.category(),
                redactor.redact(request.subject().strip()), redactor.redact(request.description()), request.deadlineAt(),
                Boolean.TRUE.equals(request.vulnerableCustomer()), Boolean.TRUE.equals(request.formalComplaint()),
                request.fssReference(), request.fssDueAt(), Boolean.TRUE.equals(request.identityVerified()));
        // a key is the agent's own: another agent's same key is another request
        String scopedKey = idempotencyKey == null ? null : actor.id() + "|" + idempotencyKey;
        return idempotent.claim(scopedKey, "open-ticket", request)
                .then(RequestIds.correlationId())
                .flatMap(corr -> service.openByAgent(newTicket, actor, idempotencyKey, corr))
                .map(TicketView::of);
    }

    @GetMapping("/{id}")
    Mono<TicketView> get(@PathVariable String id, Actor actor) {
        return visible(id, actor).map(t -> actor.isStaff() ? TicketView.of(t) : forCustomer(t));
    }

    @GetMapping("/{id}/status")
    Mono<CustomerStatus> status(@PathVariable String id, Actor actor) {
        return visible(id, actor).map(CustomerStatus::of);
    }

    @GetMapping("/{id}/history")
    Mono<List<HistoryEntry>> history(@PathVariable String id, Actor actor) {
        staff(actor);
        return find(id).map(Ticket::history);
    }

    @GetMapping("/{id}/notes")
    Mono<List<Note>> notes(@PathVariable String id, Actor actor) {
        staff(actor);
        return find(id).map(Ticket::notes);
    }

    @PostMapping("/{id}/transitions")
    Mono<TicketView> transition(@PathVariable String id, @Valid @RequestBody TransitionRequest request, Actor actor) {
        staff(actor);
        requireId("id", id);
        return RequestIds.correlationId()
                .flatMap(corr -> service.transition(id, request.to(), redactor.redact(request.reason()),
                        request.version(), actor, corr))
                .map(TicketView::of);
    }

    @PostMapping("/{id}/replies")
    @ResponseStatus(HttpStatus.ACCEPTED)
    Mono<ReplyAccepted> reply(@PathVariable String id, @Valid @RequestBody TextRequest request, Actor actor) {
        staff(actor);
        requireId("id", id);
        return RequestIds.correlationId().flatMap(corr -> service.reply(id, redactor.redact(request.text().strip()), actor,
                        corr))
                .map(t -> new ReplyAccepted(t.id(), t.history().get(t.history().size() - 1).details().get("replyId")));
    }

    @PostMapping("/{id}/notes")
    @ResponseStatus(HttpStatus.CREATED)
    Mono<Note> note(@PathVariable String id, @Valid @RequestBody TextRequest request, Actor actor) {
        staff(actor);
        requireId("id", id);
        return RequestIds.correlationId().flatMap(corr -> service.addNote(id, redactor.redact(request.text().strip()), actor,
                        corr))
                .map(t -> t.notes().get(t.notes().size() - 1));
    }

    @PostMapping("/{id}/assignment")
    Mono<TicketView> assign(@PathVariable String id, @Valid @RequestBody AssignmentRequest request, Actor actor) {
        staff(actor);
        requireId("id", id);
        return RequestIds.correlationId().flatMap(corr -> service.assign(id, request.assignee(), actor, corr))
                .map(TicketView::of);
    }

    @PostMapping("/{id}/escalation")
    Mono<TicketView> escalate(@PathVariable String id, @Valid @RequestBody EscalationRequest request, Actor actor) {
        staff(actor);
        requireId("id", id);
        return RequestIds.correlationId().flatMap(corr -> service.escalate(id, redactor.redact(request.reason().strip()),
                        actor, corr))
                .map(TicketView::of);
    }

    @PostMapping("/{id}/regulatory-extension")
    Mono<TicketView> extend(@PathVariable String id, @Valid @RequestBody ExtensionRequest request, Actor actor) {
        actor.require(Role.SUPERVISOR, Role.ADMIN);
        requireId("id", id);
        return RequestIds.correlationId()
                .flatMap(corr -> service.extendRegulatoryDeadline(id,
                        redactor.redact(request.customerNotice().strip()), actor, corr))
                .map(TicketView::of);
    }

    /** The calling agent's work: what they hold, what their skills' queues serve next, and (supervisors) escalations. */
    @GetMapping("/queue")
    Mono<Queue> queue(Actor actor, @RequestParam(defaultValue = "10") int size) {
        staff(actor);
        if (size < 1 || size > MAX_PAGE_SIZE) {
            throw ProblemException.badRequest("size", "must be between 1 and " + MAX_PAGE_SIZE);
        }
        Sort queueOrder = Sort.by("priorityRank", "queueDueAt", "createdAt");
        return mongo.findById(actor.id(), Agent.class)
                .map(agent -> agent.skills())
                .defaultIfEmpty(List.of())
                .flatMap(skills -> {
                    Mono<List<TicketView>> assigned = mongo.find(Query.query(Criteria.where("open").is(true)
                            .and("assignee").is(actor.id())).with(queueOrder), Ticket.class)
                            .map(TicketView::of).collectList();
                    Mono<List<TicketView>> nextUp = skills.isEmpty() ? Mono.just(List.of())
                            : mongo.find(Query.query(Criteria.where("open").is(true).and("assignee").is(null)
                                    .and("skill").in(skills)).with(queueOrder).limit(size), Ticket.class)
                            .map(TicketView::of).collectList();
                    Mono<List<TicketView>> escalated = !actor.has(Role.SUPERVISOR, Role.ADMIN) ? Mono.just(List.of())
                            : mongo.find(Query.query(Criteria.where("open").is(true).and("escalated").is(true))
                                    .with(queueOrder).limit(size), Ticket.class).map(TicketView::of).collectList();
                    return Mono.zip(assigned, nextUp, escalated)
                            .map(z -> new Queue(actor.id(), z.getT1(), z.getT2(), z.getT3()));
                });
    }

    /** Queue order by default (priority, then earliest due); {@code sort=createdAt|updatedAt[,asc|desc]} otherwise. */
    @GetMapping
    Mono<TicketPage> list(Actor actor,
            @RequestParam(required = false) String customerId,
            @RequestParam(required = false) String stage,
            @RequestParam(required = false) String priority,
            @RequestParam(required = false) String category,
            @RequestParam(required = false) String assignee,
            @RequestParam(required = false) String skill,
            @RequestParam(required = false) String q,
            @RequestParam(required = false) Boolean slaBreached,
            @RequestParam(required = false) Boolean escalated,
            @RequestParam(required = false) String sort,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "20") int size) {
        actor.require(Role.AGENT, Role.SUPERVISOR, Role.ADMIN, Role.CUSTOMER);
        if (page < 0 || page > 10_000) {
            throw ProblemException.badRequest("page", "must be between 0 and 10000");
        }
        if (size < 1 || size > MAX_PAGE_SIZE) {
            throw ProblemException.badRequest("size", "must be between 1 and " + MAX_PAGE_SIZE);
        }
        Criteria criteria = new Criteria();
        if (!actor.isStaff()) {
            // a customer's list is their own, whatever they ask for
            if (actor.customerId() == null || (customerId != null && !customerId.equals(actor.customerId()))) {
                throw new ProblemException(HttpStatus.FORBIDDEN, "forbidden", "Forbidden",
                        "customers see only their own tickets");
            }
            customerId = actor.customerId();
        }
        if (customerId != null) {
            criteria.and("customerId").is(requireId("customerId", customerId));
        }
        if (stage != null) {
            criteria.and("stage").is(parse(TicketStage.class, "stage", stage));
        }
        if (priority != null) {
            criteria.and("priority").is(parse(Priority.class, "priority", priority));
        }
        if (category != null) {
            criteria.and("category").is(CategoryNames.parse(category)
                    .orElseThrow(() -> ProblemException.badRequest("category",
                            "must be one of " + List.of(Category.values()))).name());
        }
        if (assignee != null) {
            criteria.and("assignee").is(requireId("assignee", assignee));
        }
        if (skill != null) {
            criteria.and("skill").is(requireId("skill", skill).toUpperCase(Locale.ROOT));
        }
        if (slaBreached != null) {
            criteria.and("breached").is(slaBreached);
        }
        if (escalated != null) {
            criteria.and("escalated").is(escalated);
        }
        if (q != null) {
            String text = q.strip();
            if (text.isEmpty() || text.length() > MAX_QUERY_LENGTH) {
                throw ProblemException.badRequest("q", "must be 1 to " + MAX_QUERY_LENGTH + " characters");
            }
            // a literal, case-insensitive match: what the agent typed is never a regex
            String literal = java.util.regex.Pattern.quote(text);
            criteria.orOperator(Criteria.where("subject").regex(literal, "i"),
                    Criteria.where("description").regex(literal, "i"),
                    Criteria.where("number").regex(literal, "i"));
        }
        Query query = Query.query(criteria).with(sortOf(sort)).skip((long) page * size).limit(size);
        return mongo.find(query, Ticket.class).map(t -> actor.isStaff() ? TicketView.of(t) : forCustomer(t))
                .collectList()
                .zipWith(mongo.count(Query.query(criteria), Ticket.class))
                .map(found -> new TicketPage(found.getT1(), page, size, found.getT2()));
    }

    private static Sort sortOf(String sort) {
        if (sort == null || sort.isBlank() || sort.equalsIgnoreCase("queue")) {
            return Sort.by(Sort.Order.asc("priorityRank"), Sort.Order.asc("queueDueAt"), Sort.Order.asc("createdAt"),
                    Sort.Order.asc("_id"));
        }
        Matcher m = java.util.regex.Pattern.compile("(createdAt|updatedAt)(?:,(asc|desc))?").matcher(sort);
        if (!m.matches()) {
            throw ProblemException.badRequest("sort", "must be queue, createdAt or updatedAt, optionally ,asc or ,desc");
        }
        Sort.Direction direction = "asc".equals(m.group(2)) ? Sort.Direction.ASC : Sort.Direction.DESC;
        return Sort.by(new Sort.Order(direction, m.group(1)), Sort.Order.asc("_id"));
    }

    /** Another customer's ticket is reported as missing, never as someone else's. */
    private Mono<Ticket> visible(String id, Actor actor) {
        actor.require(Role.AGENT, Role.SUPERVISOR, Role.ADMIN, Role.CUSTOMER);
        return find(id).filter(t -> actor.maySee(t.customerId()))
                .switchIfEmpty(Mono.error(() -> ProblemException.notFound("ticket", id)));
    }

    private Mono<Ticket> find(String id) {
        requireId("id", id);
        return mongo.findById(id, Ticket.class)
                .switchIfEmpty(Mono.error(() -> ProblemException.notFound("ticket", id)));
    }

    private static TicketView forCustomer(Ticket t) {
        TicketView v = TicketView.of(t);
        return new TicketView(v.id(), v.number(), v.customerId(), v.channel(), v.category(), v.priority(), v.stage(),
                null, null, v.subject(), v.description(), null, v.expectedResolutionAt(),
                v.expectedResolutionNotice(), v.deadlineAt(), List.of(), false, false, false, v.formalComplaint(), false,
                0,
                v.emergencyActions(), v.conversationIds(), v.version(), v.createdAt(), v.updatedAt(), null, List.of());
    }

    private static void staff(Actor actor) {
        actor.require(Role.AGENT, Role.SUPERVISOR, Role.ADMIN);
    }

    private static String requireId(String field, String value) {
        if (value == null || !ID.matcher(value).matches()) {
            throw ProblemException.badRequest(field, "must be an id of letters, digits and _.:- (at most 64)");
        }
        return value;
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String field, String value) {
        try {
            return Enum.valueOf(type, value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest(field, "must be one of " + List.of(type.getEnumConstants()));
        }
    }
}
