package io.sori.platform.messaging;

import io.micrometer.core.instrument.MeterRegistry;
import io.sori.events.Topics;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.listener.ConsumerRecordRecoverer;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;

/** Sends a record that failed all its retries to {@code <topic>-dlt}, and counts it. */
final class DeadLetterCounter {

    private static final Logger log = LoggerFactory.getLogger(DeadLetterCounter.class);

    private DeadLetterCounter() {
    }

    static ConsumerRecordRecoverer recoverer(KafkaOperations<String, String> kafka, MeterRegistry meters) {
        // partition -1: let the producer choose, the dead-letter topic need not mirror the source's partitions
        DeadLetterPublishingRecoverer publisher = new DeadLetterPublishingRecoverer(kafka,
                (record, error) -> new TopicPartition(Topics.deadLetter(record.topic()), -1));
        return (ConsumerRecord<?, ?> record, Exception error) -> {
            publisher.accept(record, error);
            Throwable cause = error.getCause() != null ? error.getCause() : error;
            meters.counter("sori.events.dead_lettered", "topic", record.topic(),
                    "reason", cause.getClass().getSimpleName()).increment();
            log.error("dead-lettered {}-{}@{} after retries: {}", record.topic(), record.partition(), record.offset(),
                    cause.toString());
        };
    }
}
