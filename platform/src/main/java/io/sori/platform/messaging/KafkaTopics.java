package io.sori.platform.messaging;

import io.sori.events.Topics;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.springframework.kafka.config.TopicBuilder;

/** Every Sori topic and its dead-letter topic, created (if missing) by whichever service starts first. */
final class KafkaTopics {

    private KafkaTopics() {
    }

    static List<NewTopic> all(int partitions, int replicas) {
        List<NewTopic> topics = new ArrayList<>();
        for (String topic : Topics.ALL) {
            TopicBuilder builder = TopicBuilder.name(topic).partitions(partitions).replicas(replicas);
            if (Topics.isCompacted(topic)) {
                builder.config(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT);
            }
            topics.add(builder.build());
            topics.add(TopicBuilder.name(Topics.deadLetter(topic)).partitions(partitions).replicas(replicas).build());
        }
        return topics;
    }
}
