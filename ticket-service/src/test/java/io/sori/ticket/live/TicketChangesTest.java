package io.sori.ticket.live;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

class TicketChangesTest {

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final TicketChanges changes = new TicketChanges(new LiveSettings(Duration.ofSeconds(15), 3, 2), meters);

    private static LiveEvent change(int n) {
        return new LiveEvent("evt-" + n, "ticket.TicketStageChanged", "T-" + n, Instant.now(), null, null);
    }

    @Test
    void shouldDropASubscriberThatFallsBehindWithoutHoldingUpThePublisherOrTheOthers() {
        TicketChanges.Subscription slow = changes.subscribe(e -> true).orElseThrow();
        TicketChanges.Subscription fast = changes.subscribe(e -> true).orElseThrow();
        var slowReader = new reactor.core.publisher.BaseSubscriber<LiveEvent>() {
            final java.util.List<LiveEvent> read = new java.util.ArrayList<>();
            boolean ended;

            @Override
            protected void hookOnSubscribe(org.reactivestreams.Subscription subscription) {
                // reads nothing until asked
            }

            @Override
            protected void hookOnNext(LiveEvent value) {
                read.add(value);
            }

            @Override
            protected void hookOnComplete() {
                ended = true;
            }
        };
        slow.events().subscribe(slowReader);
        java.util.List<LiveEvent> fastRead = new java.util.ArrayList<>();
        fast.events().subscribe(fastRead::add);

        // the slow one reads nothing: its three places fill, the fourth change drops it, the fifth is not offered
        long started = System.nanoTime();
        for (int n = 1; n <= 5; n++) {
            changes.publish(change(n));
        }
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofMillis(200));
        assertThat(slow.dropped().getAsBoolean()).isTrue();
        assertThat(meters.get("sori.live.subscribers").gauge().value()).isEqualTo(1);

        // it is given what it held, then its stream ends (the controller then tells it to reconnect)
        slowReader.request(10);
        assertThat(slowReader.read).extracting(LiveEvent::ticketId).containsExactly("T-1", "T-2", "T-3");
        assertThat(slowReader.ended).isTrue();
        assertThat(fastRead).hasSize(5);
        assertThat(fast.dropped().getAsBoolean()).isFalse();
    }

    @Test
    void shouldRefuseASubscriberBeyondTheInstancesLimitAndForgetOnesThatLeave() {
        TicketChanges.Subscription first = changes.subscribe(e -> true).orElseThrow();
        changes.subscribe(e -> true).orElseThrow().events().subscribe().dispose();
        assertThat(changes.subscriberCount()).isEqualTo(1);
        TicketChanges.Subscription second = changes.subscribe(e -> true).orElseThrow();
        assertThat(changes.subscribe(e -> true)).isEmpty();
        assertThat(first).isNotNull();
        assertThat(second).isNotNull();
    }

    @Test
    void shouldOfferAChangeOnlyToSubscribersWhoseFilterTakesIt() {
        TicketChanges.Subscription cards = changes.subscribe(e -> e.ticketId().equals("T-2")).orElseThrow();
        StepVerifier.Step<LiveEvent> reader = StepVerifier.create(cards.events())
                .expectNextMatches(e -> e.ticketId().equals("T-2"));
        changes.publish(change(1));
        changes.publish(change(2));
        reader.thenCancel().verify();
    }
}
