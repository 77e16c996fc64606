package io.sori.ticket.live;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.Disposable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A browser's view of {@code GET /api/tickets/live}: real HTTP, every event with the moment it arrived. */
final class LiveStream implements AutoCloseable {

    record Received(ServerSentEvent<String> event, JsonNode data, long arrivedNanos) {
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final LinkedBlockingQueue<Received> queue = new LinkedBlockingQueue<>();
    private final List<Received> seen = new ArrayList<>();
    private final Disposable subscription;

    private LiveStream(String baseUrl, String pathAndQuery, Consumer<HttpHeaders> caller) {
        subscription = WebClient.create(baseUrl).get().uri(pathAndQuery).headers(caller)
                .accept(MediaType.TEXT_EVENT_STREAM).retrieve()
                .bodyToFlux(new ParameterizedTypeReference<ServerSentEvent<String>>() {
                })
                .subscribe(e -> queue.add(new Received(e, e.data() == null || e.data().isBlank()
                        || !e.data().startsWith("{") ? null : JSON.readTree(e.data()), System.nanoTime())));
    }

    static LiveStream open(String baseUrl, String pathAndQuery, Consumer<HttpHeaders> caller) {
        return new LiveStream(baseUrl, pathAndQuery, caller);
    }

    /** The next event (not a comment) that matches, or null when none came in time; earlier ones are kept in {@link #seen()}. */
    Received next(Predicate<Received> matching, Duration within) throws InterruptedException {
        long deadline = System.nanoTime() + within.toNanos();
        while (true) {
            long left = deadline - System.nanoTime();
            Received r = queue.poll(Math.max(0, left), TimeUnit.NANOSECONDS);
            if (r == null) {
                return null;
            }
            seen.add(r);
            if (matching.test(r)) {
                return r;
            }
        }
    }

    /** The next change of one ticket. */
    Received nextOf(String ticketId, Duration within) throws InterruptedException {
        return next(r -> r.data() != null && ticketId.equals(r.data().path("ticketId").asString(null)), within);
    }

    List<Received> seen() {
        return seen;
    }

    @Override
    public void close() {
        subscription.dispose();
    }
}
