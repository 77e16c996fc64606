package io.sori.platform.messaging;

import io.micrometer.core.instrument.MeterRegistry;
import io.sori.events.MalformedEventException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;
import org.springframework.kafka.listener.ContainerProperties;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.listener.MessageListener;
import org.springframework.util.backoff.ExponentialBackOff;

/**
 * Topics, and one listener container per service over the topics its {@link EventHandler}s
 * need, in the service's own consumer group.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(MessagingProperties.class)
public class MessagingConfiguration {

    @Bean
    KafkaAdmin.NewTopics soriTopics(MessagingProperties properties) {
        return new KafkaAdmin.NewTopics(KafkaTopics.all(properties.partitions(), properties.replicas())
                .toArray(org.apache.kafka.clients.admin.NewTopic[]::new));
    }

    @Bean
    ProcessedEvents processedEvents(ReactiveMongoTemplate mongo, Clock clock, MessagingProperties properties) {
        ProcessedEvents processed = new ProcessedEvents(mongo, clock, properties.dedupeRetention());
        processed.createIndexes().onErrorComplete().block(Duration.ofSeconds(30));
        return processed;
    }

    @Bean
    ProcessedEventsSweeper processedEventsSweeper(ProcessedEvents processed) {
        return new ProcessedEventsSweeper(processed, Duration.ofHours(1));
    }

    @Bean
    ConcurrentMessageListenerContainer<String, String> soriEventListenerContainer(
            ObjectProvider<EventHandler<?>> handlerBeans, ObjectProvider<TombstoneHandler> tombstoneBeans,
            ConsumerFactory<String, String> consumers,
            KafkaTemplate<String, String> kafka, ProcessedEvents processed, MeterRegistry meters,
            MessagingProperties properties, @Value("${spring.application.name}") String group) {
        List<EventHandler<?>> handlers = handlerBeans.orderedStream().toList();
        List<TombstoneHandler> tombstoneHandlers = tombstoneBeans.orderedStream().toList();
        String[] topics = java.util.stream.Stream.concat(handlers.stream().map(EventHandler::topic),
                tombstoneHandlers.stream().map(TombstoneHandler::topic)).distinct().toArray(String[]::new);
        ContainerProperties container = topics.length == 0
                ? new ContainerProperties("sori.unused.v1")
                : new ContainerProperties(topics);
        container.setGroupId(group);
        EventDispatcher dispatcher = new EventDispatcher(group, handlers, tombstoneHandlers, processed, meters,
                properties.handlerTimeout());
        container.setMessageListener((MessageListener<String, String>) dispatcher::dispatch);

        ConcurrentMessageListenerContainer<String, String> listener =
                new ConcurrentMessageListenerContainer<>(consumers, container);
        listener.setConcurrency(properties.concurrency());
        listener.setAutoStartup(topics.length > 0);
        ExponentialBackOff backOff = new ExponentialBackOff(properties.retryBackoff().toMillis(), 2.0);
        backOff.setMaxAttempts(properties.retries());
        DefaultErrorHandler errors = new DefaultErrorHandler(DeadLetterCounter.recoverer(kafka, meters), backOff);
        errors.addNotRetryableExceptions(MalformedEventException.class);
        listener.setCommonErrorHandler(errors);
        return listener;
    }
}
