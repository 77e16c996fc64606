package io.sori.ticket.live;

import io.sori.events.Topics;
import io.sori.ticket.ticket.Ticket;
import io.sori.ticket.ticket.TicketView;
import java.time.Duration;
import java.time.Instant;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;
import org.springframework.kafka.listener.ContainerProperties;
import org.springframework.kafka.listener.MessageListener;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every instance reads all of {@code sori.tickets.v1} for its own live subscribers: a consumer
 * group of its own (unique per instance, so each instance sees every change, not a share of them),
 * starting at the latest offset (a console that connects wants what happens from now on; it reads
 * the lists for the rest) and committing nothing (there is nothing to resume: a restarted instance
 * has new subscribers). The service's own group, which does the work, is untouched by it.
 *
 * <p>The ticket is read from the store once per event, not once per subscriber, and only while
 * someone listens. Reading after the event gives the console the current state even when events
 * of one ticket arrive close together.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(LiveSettings.class)
class LiveFeedConsumer {

    private static final Logger log = LoggerFactory.getLogger(LiveFeedConsumer.class);
    private static final Duration READ_TIMEOUT = Duration.ofSeconds(2);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Bean
    ConcurrentMessageListenerContainer<String, String> ticketLiveFeedContainer(ConsumerFactory<String, String> consumers,
            ReactiveMongoTemplate mongo, TicketChanges changes, @Value("${spring.application.name}") String service) {
        ContainerProperties container = new ContainerProperties(Topics.TICKETS);
        container.setGroupId(service + "-live-" + UUID.randomUUID());
        Properties overrides = new Properties();
        overrides.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest");
        overrides.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        container.setKafkaConsumerProperties(overrides);
        // never acknowledged, so never committed; not even the starting position on assignment (the container's
        // default), or the group would show a lag that grows forever to anyone who checks that consumers keep up
        container.setAckMode(ContainerProperties.AckMode.MANUAL);
        container.setAssignmentCommitOption(ContainerProperties.AssignmentCommitOption.NEVER);
        container.setMessageListener((MessageListener<String, String>) record -> forward(record, mongo, changes));
        ConcurrentMessageListenerContainer<String, String> listener =
                new ConcurrentMessageListenerContainer<>(consumers, container);
        // one thread: changes of one ticket reach subscribers in the order they happened
        listener.setConcurrency(1);
        return listener;
    }

    /** Never throws: a change that cannot be told is skipped (the console reloads on reconnect), the feed goes on. */
    static void forward(ConsumerRecord<String, String> record, ReactiveMongoTemplate mongo, TicketChanges changes) {
        if (record.value() == null || !changes.hasSubscribers()) {
            return;
        }
        try {
            JsonNode envelope = JSON.readTree(record.value());
            String type = envelope.path("type").asString(null);
            String ticketId = envelope.path("aggregateId").asString(record.key());
            if (type == null || ticketId == null) {
                return;
            }
            String eventId = envelope.path("eventId").asString(null);
            Instant at = parseInstant(envelope.path("occurredAt").asString(null));
            String previousAssignee = envelope.path("payload").path("previousAssignee").asString(null);
            TicketView ticket = read(mongo, ticketId);
            changes.publish(new LiveEvent(eventId, type, ticketId, at, ticket, previousAssignee));
        } catch (RuntimeException e) {
            log.warn("ticket change at {}-{}@{} not sent live: {}", record.topic(), record.partition(),
                    record.offset(), e.toString());
        }
    }

    private static TicketView read(ReactiveMongoTemplate mongo, String ticketId) {
        try {
            return mongo.findById(ticketId, Ticket.class).map(TicketView::of).block(READ_TIMEOUT);
        } catch (RuntimeException e) {
            log.warn("ticket {} not read for the live feed, sent without it: {}", ticketId, e.toString());
            return null;
        }
    }

    private static Instant parseInstant(String text) {
        try {
            return text == null ? null : Instant.parse(text);
        } catch (java.time.DateTimeException e) {
            return null;
        }
    }
}
