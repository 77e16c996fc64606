package io.sori.ticket.live;

import io.sori.platform.security.Actor;
import io.sori.platform.security.Role;
import io.sori.platform.web.ProblemException;
import java.util.Locale;
import java.util.function.Predicate;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * {@code GET /api/tickets/live}: every ticket change as a server-sent event, for the agent console.
 * {@code event: ticket}, {@code id: <eventId>}, {@code data: {type, ticketId, at, ticket}}; a
 * {@code : keep-alive} comment while nothing happens; {@code event: reconnect} before the stream
 * ends because the reader fell too far behind.
 */
@RestController
class LiveController {

    private static final java.util.regex.Pattern ID = java.util.regex.Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.:-]{0,63}");

    private final TicketChanges changes;
    private final LiveSettings settings;

    LiveController(TicketChanges changes, LiveSettings settings) {
        this.changes = changes;
        this.settings = settings;
    }

    @GetMapping(path = "/api/tickets/live", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    Flux<ServerSentEvent<Object>> live(Actor actor, ServerHttpResponse response,
            @RequestParam(required = false) String skill, @RequestParam(required = false) String assignee) {
        actor.require(Role.AGENT, Role.SUPERVISOR, Role.ADMIN);
        Predicate<LiveEvent> filter = filter(skill, assignee);
        TicketChanges.Subscription subscription = changes.subscribe(filter).orElseThrow(() -> {
            response.getHeaders().set("Retry-After", "5");
            return new ProblemException(HttpStatus.SERVICE_UNAVAILABLE, "live-feed-full", "Live feed full",
                    "this instance serves as many live streams as it may; connect again in a few seconds");
        });
        // proxies (nginx and the like) must pass each event on at once, never hold it in a buffer
        response.getHeaders().set("X-Accel-Buffering", "no");
        response.getHeaders().setCacheControl("no-cache");
        Flux<ServerSentEvent<Object>> events = subscription.events()
                .map(e -> ServerSentEvent.builder((Object) e).event("ticket").id(e.eventId()).build())
                .concatWith(Mono.defer(() -> subscription.dropped().getAsBoolean()
                        ? Mono.just(ServerSentEvent.builder((Object) "{\"reason\":\"too-slow\"}").event("reconnect")
                                .build())
                        : Mono.empty()));
        Flux<ServerSentEvent<Object>> heartbeats = Flux.interval(settings.heartbeat())
                .map(tick -> ServerSentEvent.builder().comment(" keep-alive").build());
        // the first comment tells the client (and the gateway) the stream is open before any change
        return Flux.just(ServerSentEvent.builder().comment(" connected").build())
                .concatWith(events.publish(shared -> Flux.merge(shared, heartbeats.takeUntilOther(shared.then()))));
    }

    private static Predicate<LiveEvent> filter(String skill, String assignee) {
        Predicate<LiveEvent> all = e -> true;
        if (skill != null) {
            String wanted = requireId("skill", skill).toUpperCase(Locale.ROOT);
            // a change without the ticket is passed on: the console decides on its own lists
            all = all.and(e -> e.ticket() == null || wanted.equals(e.ticket().skill()));
        }
        if (assignee != null) {
            String wanted = requireId("assignee", assignee);
            // the ticket taken from the agent too, so their queue can drop it
            all = all.and(e -> e.ticket() == null || wanted.equals(e.ticket().assignee())
                    || wanted.equals(e.previousAssignee()));
        }
        return all;
    }

    private static String requireId(String field, String value) {
        if (!ID.matcher(value).matches()) {
            throw ProblemException.badRequest(field, "must be an id of letters, digits and _.:- (at most 64)");
        }
        return value;
    }
}
