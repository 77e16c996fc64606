package io.sori.platform.testapp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.MeterRegistry;
import io.sori.events.EventCodec;
import io.sori.events.EventEnvelope;
import io.sori.events.Topics;
import io.sori.events.ticket.TicketClosed;
import io.sori.testsupport.SoriIntegrationTest;
import io.sori.testsupport.TopicProbe;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;

/** Idempotent consumption and dead-lettering, over the real broker and store. */
@SoriIntegrationTest
class EventHandlingIT {

    @Autowired
    ReactiveMongoTemplate mongo;

    @Autowired
    MeterRegistry meters;

    private final EventCodec codec = new EventCodec();

    @Test
    void shouldChangeNothingWhenTheSameEventIsDeliveredTwice() {
        String ticketId = "t-" + UUID.randomUUID();
        EventEnvelope<TicketClosed> once = EventEnvelope.of(new TicketClosed(ticketId, "c-1", Instant.now()), "corr", Instant.now());
        String marker = "t-" + UUID.randomUUID();

        TopicProbe.send(once);
        TopicProbe.send(once); // redelivery: same eventId
        // a later event on the same key (same partition) proves the duplicate was already consumed
        TopicProbe.send(withKey(marker, ticketId));

        await().atMost(Duration.ofSeconds(20)).until(() -> handledCount(marker) == 1);
        assertThat(handledCount(ticketId)).isEqualTo(1);
        assertThat(meters.counter("sori.events.consumed", "topic", Topics.TICKETS, "type", "ticket.TicketClosed",
                "outcome", "duplicate").count()).isGreaterThanOrEqualTo(1.0);
    }

    @Test
    void shouldDeadLetterAPoisonMessageAndKeepThePartitionFlowing() {
        String key = "k-" + UUID.randomUUID();
        String after = "t-" + UUID.randomUUID();
        try (TopicProbe deadLetters = TopicProbe.on(Topics.deadLetter(Topics.TICKETS))) {
            TopicProbe.send(Topics.TICKETS, key, "{this is not an envelope " + key);
            TopicProbe.send(withKey(after, key)); // same key: same partition, behind the poison

            await().atMost(Duration.ofSeconds(30)).until(() -> handledCount(after) == 1);
            ConsumerRecord<String, String> dead = deadLetters.await(r -> r.value().contains(key), Duration.ofSeconds(20));
            assertThat(dead.key()).isEqualTo(key);
            assertThat(dead.headers().lastHeader("kafka_dlt-original-topic")).isNotNull();
        }
        assertThat(meters.get("sori.events.dead_lettered").tag("topic", Topics.TICKETS).counters())
                .isNotEmpty();
    }

    @Test
    void shouldRetryAFailingHandlerThenDeadLetterTheEventAndGoOn() {
        String key = "k-" + UUID.randomUUID();
        String after = "t-" + UUID.randomUUID();
        EventEnvelope<TicketClosed> poison = new EventEnvelope<>(UUID.randomUUID(), "ticket.TicketClosed", 1,
                Instant.now(), key, null, new TicketClosed("poison", "c-1", Instant.now()));
        try (TopicProbe deadLetters = TopicProbe.on(Topics.deadLetter(Topics.TICKETS))) {
            TopicProbe.send(Topics.TICKETS, key, codec.encode(poison));
            TopicProbe.send(withKey(after, key));

            await().atMost(Duration.ofSeconds(30)).until(() -> handledCount(after) == 1);
            ConsumerRecord<String, String> dead = deadLetters.await(
                    r -> r.value().contains(poison.eventId().toString()), Duration.ofSeconds(20));
            assertThat(new String(dead.headers().lastHeader("kafka_dlt-exception-message").value()))
                    .contains("this ticket can never be handled");
        }
        assertThat(handledCount("poison")).isZero();
    }

    /** A valid TicketClosed for {@code ticketId}, sent with the Kafka key {@code key}. */
    private EventEnvelope<TicketClosed> withKey(String ticketId, String key) {
        return new EventEnvelope<>(UUID.randomUUID(), "ticket.TicketClosed", 1, Instant.now(), key, null,
                new TicketClosed(ticketId, "c-1", Instant.now()));
    }

    private int handledCount(String ticketId) {
        Document doc = mongo.findById(ticketId, Document.class, PlatformTestApplication.HANDLED).block();
        return doc == null ? 0 : doc.getInteger("count");
    }
}
