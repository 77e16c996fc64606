package io.sori.ticket.routing;

import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;

/** A nudge that new work or a free agent may be routable now, instead of waiting for the next round. */
@Component
public class RoutingTrigger {

    private final Sinks.Many<Boolean> pokes = Sinks.many().multicast().directBestEffort();

    public void poke() {
        pokes.tryEmitNext(Boolean.TRUE);
    }

    Flux<Boolean> pokes() {
        return pokes.asFlux();
    }
}
