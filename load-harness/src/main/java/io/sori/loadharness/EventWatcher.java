package io.sori.loadharness;

import io.sori.events.Topics;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads one topic from its end as the run starts and hands every event of interest to a callback the
 * moment it arrives. {@link #tickets}: ticket-service publishes TicketCreated from the outbox only after
 * the ticket's document is written, so from then on the ticket is readable (the harness checks a sample
 * by reading it through the gateway). {@link #surveysIssued}: the survey links channel-service delivers.
 */
final class EventWatcher<T> implements AutoCloseable {

    /** A ticket was created: who for, which ticket, seen at {@code System.nanoTime()}. */
    record Created(String customerId, String ticketId, long seenAt) {
    }

    /** A survey was issued for a ticket: its public token. */
    record Issued(String customerId, String ticketId, String token) {
    }

    private final KafkaConsumer<String, String> consumer;
    private final Thread thread;
    private final JsonMapper json = JsonMapper.builder().build();
    private volatile boolean running = true;

    /**
     * @param parse from an event's envelope and the moment it was seen to what {@code onEvent} takes;
     *              {@code null} skips the event
     */
    EventWatcher(String bootstrap, String topic, BiFunction<JsonNode, Long, T> parse, Consumer<T> onEvent) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ConsumerConfig.GROUP_ID_CONFIG, "sori-bench-" + UUID.randomUUID());
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        p.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, "20");
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        this.consumer = new KafkaConsumer<>(p);
        List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
                .map(info -> new TopicPartition(info.topic(), info.partition())).toList();
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        partitions.forEach(consumer::position); // fix the starting offsets now, before any traffic
        this.thread = new Thread(() -> poll(parse, onEvent), "watcher-" + topic);
        thread.setDaemon(true);
        thread.start();
    }

    static EventWatcher<Created> tickets(String bootstrap, Consumer<Created> onCreated) {
        return new EventWatcher<>(bootstrap, Topics.TICKETS, (envelope, seenAt) -> {
            if (!envelope.path("type").asString("").endsWith("TicketCreated")) {
                return null;
            }
            JsonNode payload = envelope.path("payload");
            return new Created(payload.path("customerId").asString(""), payload.path("ticketId").asString(""), seenAt);
        }, onCreated);
    }

    static EventWatcher<Issued> surveysIssued(String bootstrap, Consumer<Issued> onIssued) {
        return new EventWatcher<>(bootstrap, Topics.SURVEYS, (envelope, seenAt) -> {
            if (!envelope.path("type").asString("").endsWith("SurveyIssued")) {
                return null;
            }
            JsonNode payload = envelope.path("payload");
            return new Issued(payload.path("customerId").asString(""), payload.path("ticketId").asString(""),
                    payload.path("token").asString(""));
        }, onIssued);
    }

    private void poll(BiFunction<JsonNode, Long, T> parse, Consumer<T> onEvent) {
        while (running) {
            try {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(100))) {
                    long seenAt = System.nanoTime();
                    T event = parse(parse, r.value(), seenAt);
                    if (event != null) {
                        onEvent.accept(event);
                    }
                }
            } catch (org.apache.kafka.common.errors.WakeupException e) {
                return;
            } catch (RuntimeException e) {
                // a broker restart mid-run: the consumer reconnects by itself on the next poll
                sleep();
            }
        }
    }

    private T parse(BiFunction<JsonNode, Long, T> parse, String value, long seenAt) {
        try {
            return parse.apply(json.readTree(value), seenAt);
        } catch (RuntimeException notAnEnvelope) {
            return null;
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        running = false;
        consumer.wakeup();
        try {
            thread.join(5000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        consumer.close(Duration.ofSeconds(2));
    }
}
