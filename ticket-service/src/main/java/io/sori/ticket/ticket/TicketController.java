package io.sori.ticket.ticket;

import io.sori.events.ticket.Priority;
import io.sori.events.ticket.TicketStage;
import io.sori.platform.web.ProblemException;
import java.util.List;
import java.util.Locale;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

@RestController
@RequestMapping("/api/tickets")
class TicketController {

    private static final int MAX_PAGE_SIZE = 100;

    private final TicketRepository tickets;
    private final ReactiveMongoTemplate mongo;

    TicketController(TicketRepository tickets, ReactiveMongoTemplate mongo) {
        this.tickets = tickets;
        this.mongo = mongo;
    }

    record TicketPage(List<TicketView> items, int page, int size, long total) {
    }

    @GetMapping("/{id}")
    Mono<TicketView> get(@PathVariable String id) {
        return tickets.findById(id)
                .switchIfEmpty(Mono.error(() -> ProblemException.notFound("ticket", id)))
                .map(TicketView::of);
    }

    /** The queue order: priority first, then the earliest resolution due. */
    @GetMapping
    Mono<TicketPage> list(@RequestParam(required = false) String customerId,
            @RequestParam(required = false) String stage,
            @RequestParam(required = false) String priority,
            @RequestParam(required = false) String category,
            @RequestParam(required = false) String assignee,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "20") int size) {
        if (page < 0) {
            throw ProblemException.badRequest("page", "must be 0 or more");
        }
        if (size < 1 || size > MAX_PAGE_SIZE) {
            throw ProblemException.badRequest("size", "must be between 1 and " + MAX_PAGE_SIZE);
        }
        Criteria criteria = new Criteria();
        if (customerId != null) {
            criteria.and("customerId").is(customerId);
        }
        if (stage != null) {
            criteria.and("stage").is(parse(TicketStage.class, "stage", stage));
        }
        if (priority != null) {
            criteria.and("priority").is(parse(Priority.class, "priority", priority));
        }
        if (category != null) {
            criteria.and("category").is(category);
        }
        if (assignee != null) {
            criteria.and("assignee").is(assignee);
        }
        Query query = Query.query(criteria)
                .with(Sort.by(Sort.Order.asc("priorityRank"), Sort.Order.asc("resolutionDueAt"), Sort.Order.asc("_id")))
                .skip((long) page * size).limit(size);
        return mongo.find(query, Ticket.class).map(TicketView::of).collectList()
                .zipWith(mongo.count(Query.query(criteria), Ticket.class))
                .map(found -> new TicketPage(found.getT1(), page, size, found.getT2()));
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String field, String value) {
        try {
            return Enum.valueOf(type, value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest(field, "must be one of " + List.of(type.getEnumConstants()));
        }
    }
}
