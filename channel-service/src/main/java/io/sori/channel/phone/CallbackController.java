package io.sori.channel.phone;

import io.sori.channel.conversation.CallbackTask;
import io.sori.channel.conversation.Conversation;
import io.sori.channel.web.Ids;
import io.sori.platform.security.Actor;
import io.sori.platform.security.Role;
import io.sori.platform.web.ProblemException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
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

/** The callback queue for staff: open tasks, earliest due first, and marking one done. */
@RestController
@RequestMapping("/api/channels/callbacks")
class CallbackController {

    private final ReactiveMongoTemplate mongo;
    private final Clock clock;

    CallbackController(ReactiveMongoTemplate mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
    }

    /** @param overdue whether the end of the customer's window has passed */
    record CallbackView(String callbackId, String conversationId, String customerId, String purpose,
            String phoneNumberMasked, Instant preferredFrom, Instant preferredTo, Instant dueAt, String reason,
            String status, boolean overdue) {
    }

    @GetMapping
    Mono<List<CallbackView>> open(Actor actor) {
        actor.require(Role.AGENT, Role.SUPERVISOR, Role.ADMIN);
        Instant now = clock.instant();
        Query open = Query.query(Criteria.where("callback.status").is("OPEN"))
                .with(Sort.by(Sort.Order.asc("callback.dueAt"))).limit(200);
        return mongo.find(open, Conversation.class).map(c -> view(c, now)).collectList();
    }

    @PostMapping("/{callbackId}/done")
    Mono<CallbackView> done(Actor actor, @PathVariable String callbackId) {
        actor.require(Role.AGENT, Role.SUPERVISOR, Role.ADMIN);
        Ids.require("callbackId", callbackId);
        Query task = Query.query(Criteria.where("callback.callbackId").is(callbackId));
        Update done = new Update().set("callback.status", "DONE").inc("version", 1);
        return mongo.findAndModify(task, done, FindAndModifyOptions.options().returnNew(true), Conversation.class)
                .switchIfEmpty(Mono.error(() -> ProblemException.notFound("callback", callbackId)))
                .map(c -> view(c, clock.instant()));
    }

    private static CallbackView view(Conversation c, Instant now) {
        CallbackTask t = c.callback();
        return new CallbackView(t.callbackId(), c.id(), c.customerId(), t.purpose(), t.phoneNumberMasked(),
                t.preferredFrom(), t.preferredTo(), t.dueAt(), t.reason(), t.status(),
                "OPEN".equals(t.status()) && t.dueAt() != null && t.dueAt().isBefore(now));
    }
}
