package io.sori.channel.phone;

import io.sori.channel.contact.ContactBook;
import io.sori.channel.conversation.CallbackTask;
import io.sori.channel.conversation.Conversation;
import io.sori.channel.web.Ids;
import io.sori.platform.security.Actor;
import io.sori.platform.security.Role;
import io.sori.platform.web.ProblemException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * The callback queue for staff: open tasks, elderly and digitally excluded customers first, then
 * earliest due; and marking one done. Only those who dial (agents, supervisors) see the number to
 * call in full; an administrator sees it masked, and no customer or channel platform reads this
 * queue at all. Everywhere else (events, logs, the conversation) the number stays masked.
 */
@RestController
@RequestMapping("/api/channels/callbacks")
class CallbackController {

    private final ReactiveMongoTemplate mongo;
    private final ContactBook contacts;
    private final Clock clock;

    CallbackController(ReactiveMongoTemplate mongo, ContactBook contacts, Clock clock) {
        this.mongo = mongo;
        this.contacts = contacts;
        this.clock = clock;
    }

    /**
     * @param phoneNumber        the number to dial, for callers who may dial; null otherwise or when unknown
     * @param vulnerableCustomer served first, and by phone: do not send the customer to the app
     * @param overdue            whether the end of the customer's window has passed
     */
    record CallbackView(String callbackId, String conversationId, String customerId, String purpose,
            String phoneNumber, String phoneNumberMasked, Instant preferredFrom, Instant preferredTo, Instant dueAt,
            String reason, boolean vulnerableCustomer, List<String> needs, String status, boolean overdue) {
    }

    @GetMapping
    Mono<List<CallbackView>> open(Actor actor) {
        actor.require(Role.AGENT, Role.SUPERVISOR, Role.ADMIN);
        Instant now = clock.instant();
        Query open = Query.query(Criteria.where("callback.status").is("OPEN"))
                .with(Sort.by(Sort.Order.desc("callback.vulnerableCustomer"), Sort.Order.asc("callback.dueAt")))
                .limit(200);
        return mongo.find(open, Conversation.class).collectList()
                .flatMap(tasks -> numbersFor(actor, tasks)
                        .map(numbers -> tasks.stream().map(c -> view(c, numbers, now)).toList()));
    }

    @PostMapping("/{callbackId}/done")
    Mono<CallbackView> done(Actor actor, @PathVariable String callbackId) {
        actor.require(Role.AGENT, Role.SUPERVISOR, Role.ADMIN);
        Ids.require("callbackId", callbackId);
        Query task = Query.query(Criteria.where("callback.callbackId").is(callbackId));
        Update done = new Update().set("callback.status", "DONE").inc("version", 1);
        return mongo.findAndModify(task, done, FindAndModifyOptions.options().returnNew(true), Conversation.class)
                .switchIfEmpty(Mono.error(() -> ProblemException.notFound("callback", callbackId)))
                .map(c -> view(c, Map.of(), clock.instant()));
    }

    /** The numbers to dial, read only for those who dial. */
    private Mono<Map<String, String>> numbersFor(Actor actor, List<Conversation> tasks) {
        if (!actor.has(Role.AGENT, Role.SUPERVISOR) || tasks.isEmpty()) {
            return Mono.just(Map.of());
        }
        return contacts.callbackNumbers(tasks.stream().map(c -> c.callback().callbackId()).toList());
    }

    private static CallbackView view(Conversation c, Map<String, String> numbers, Instant now) {
        CallbackTask t = c.callback();
        return new CallbackView(t.callbackId(), c.id(), c.customerId(), t.purpose(), numbers.get(t.callbackId()),
                t.phoneNumberMasked(), t.preferredFrom(), t.preferredTo(), t.dueAt(), t.reason(),
                t.vulnerableCustomer(), t.needs(), t.status(),
                "OPEN".equals(t.status()) && t.dueAt() != null && t.dueAt().isBefore(now));
    }
}
