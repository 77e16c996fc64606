package io.sori.testsupport;

import io.sori.events.EventCodec;
import io.sori.events.EventEnvelope;
import io.sori.events.SoriEvent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Reads what really arrived on a topic of the test broker, from its beginning, and sends
 * raw records (including poison ones) the way another service would.
 */
public final class TopicProbe implements AutoCloseable {

    private final KafkaConsumer<String, String> consumer;
    private final List<ConsumerRecord<String, String>> seen = new ArrayList<>();
    private final EventCodec codec = new EventCodec();

    private TopicProbe(String bootstrap, String topic) {
        consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.GROUP_ID_CONFIG, "probe-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false"),
                new StringDeserializer(), new StringDeserializer());
        consumer.subscribe(List.of(topic));
    }

    public static TopicProbe on(String topic) {
        return new TopicProbe(TestStack.get().kafkaBootstrap(), topic);
    }

    /** A probe on another broker than the test JVM's, e.g. the one a launched suite runs on. */
    public static TopicProbe on(String bootstrap, String topic) {
        return new TopicProbe(bootstrap, topic);
    }

    /** Waits for a record matching the predicate, reading on from what was seen before. */
    public ConsumerRecord<String, String> await(Predicate<ConsumerRecord<String, String>> match, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        Optional<ConsumerRecord<String, String>> found = seen.stream().filter(match).findFirst();
        while (found.isEmpty() && System.nanoTime() < deadline) {
            consumer.poll(Duration.ofMillis(200)).forEach(seen::add);
            found = seen.stream().filter(match).findFirst();
        }
        return found.orElseThrow(() -> new AssertionError("no matching record within " + timeout
                + "; saw " + seen.size() + " record(s): " + seen.stream().map(ConsumerRecord::value).toList()));
    }

    /** Waits for an event of the given type whose payload matches. */
    @SuppressWarnings("unchecked")
    public <E extends SoriEvent> EventEnvelope<E> awaitEvent(Class<E> type, Predicate<E> match, Duration timeout) {
        ConsumerRecord<String, String> record = await(r -> decode(r)
                .filter(e -> type.isInstance(e.payload()) && match.test((E) e.payload()))
                .isPresent(), timeout);
        return (EventEnvelope<E>) decode(record).orElseThrow();
    }

    /** Every record seen so far plus whatever arrives within the quiet period. */
    public List<ConsumerRecord<String, String>> drain(Duration quietPeriod) {
        consumer.poll(quietPeriod).forEach(seen::add);
        return List.copyOf(seen);
    }

    private Optional<EventEnvelope<SoriEvent>> decode(ConsumerRecord<String, String> record) {
        try {
            return codec.decode(record.value());
        } catch (RuntimeException notAnEnvelope) {
            return Optional.empty();
        }
    }

    public static void send(String topic, String key, String value) {
        send(TestStack.get().kafkaBootstrap(), topic, key, value);
    }

    public static void send(EventEnvelope<?> envelope) {
        send(TestStack.get().kafkaBootstrap(), envelope);
    }

    /** Sends to another broker than the test JVM's, e.g. the one a launched suite runs on. */
    public static void send(String bootstrap, EventEnvelope<?> envelope) {
        send(bootstrap, envelope.topic(), envelope.aggregateId(), new EventCodec().encode(envelope));
    }

    private static void send(String bootstrap, String topic, String key, String value) {
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>(topic, key, value)).get();
        } catch (Exception e) {
            throw new IllegalStateException("could not send to " + topic, e);
        }
    }

    @Override
    public void close() {
        consumer.close();
    }
}
