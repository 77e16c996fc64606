package io.sori.loadharness;

import io.sori.events.Topics;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads {@code sori.tickets.v1} from its end as the run starts and hands every TicketCreated to the
 * ledger the moment it arrives. ticket-service publishes it from the outbox only after the ticket's
 * document is written, so from then on the ticket is readable; the harness checks a sample by reading
 * it through the gateway.
 */
final class TicketWatcher implements AutoCloseable {

    /** A ticket was created: who for, which ticket, seen at {@code System.nanoTime()}. */
    record Created(String customerId, String ticketId, long seenAt) {
    }

    private final KafkaConsumer<String, String> consumer;
    private final Thread thread;
    private final JsonMapper json = JsonMapper.builder().build();
    private volatile boolean running = true;

    TicketWatcher(String bootstrap, Consumer<Created> onCreated) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ConsumerConfig.GROUP_ID_CONFIG, "sori-bench-" + UUID.randomUUID());
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        p.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, "20");
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        this.consumer = new KafkaConsumer<>(p);
        List<TopicPartition> partitions = consumer.partitionsFor(Topics.TICKETS, Duration.ofSeconds(30)).stream()
                .map(info -> new TopicPartition(info.topic(), info.partition())).toList();
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        partitions.forEach(consumer::position); // fix the starting offsets now, before any traffic
        this.thread = new Thread(() -> poll(onCreated), "ticket-watcher");
        thread.setDaemon(true);
        thread.start();
    }

    private void poll(Consumer<Created> onCreated) {
        while (running) {
            try {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(100))) {
                    long seenAt = System.nanoTime();
                    Created c = parse(r.value(), seenAt);
                    if (c != null) {
                        onCreated.accept(c);
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

    private Created parse(String value, long seenAt) {
        try {
            JsonNode envelope = json.readTree(value);
            if (!envelope.path("type").asString("").endsWith("TicketCreated")) {
                return null;
            }
            JsonNode payload = envelope.path("payload");
            return new Created(payload.path("customerId").asString(""), payload.path("ticketId").asString(""), seenAt);
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
