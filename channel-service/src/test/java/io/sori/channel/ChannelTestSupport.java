package io.sori.channel;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Metrics;
import io.sori.channel.conversation.Conversation;
import io.sori.testsupport.Callers;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.bson.Document;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/** Requests and store reads the channel-service tests share; callers come from {@link Callers}. */
public final class ChannelTestSupport {

    public static final Duration WAIT = Duration.ofSeconds(20);
    /** The app backend: the channel platform that calls the intake webhooks. */
    public static final String APP = "app-backend";

    private ChannelTestSupport() {
    }

    public static String newId(String prefix) {
        return prefix + "-" + UUID.randomUUID();
    }

    /** POSTs as the channel platform and returns the JSON answer, expecting the status. */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> post(WebTestClient http, String path, Object body, int status) {
        return http.post().uri(path).headers(Callers.channel(APP)).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body).exchange()
                .expectStatus().isEqualTo(status)
                .expectBody(Map.class).returnResult().getResponseBody();
    }

    /**
     * A counter's count summed over every application context of the test JVM (Boot adds each
     * context's registry to Micrometer's global registry): another context of this module's tests
     * consumes the same topics in its own group, and may be the one that counted.
     */
    public static double counted(String name, String... tags) {
        double sum = 0;
        for (MeterRegistry registry : Metrics.globalRegistry.getRegistries()) {
            for (Counter counter : registry.find(name).tags(tags).counters()) {
                sum += counter.count();
            }
        }
        return sum;
    }

    public static Document conversation(ReactiveMongoTemplate mongo, String id) {
        Document doc = mongo.findById(id, Document.class, Conversation.COLLECTION).block(WAIT);
        assertThat(doc).as("conversation " + id).isNotNull();
        return doc;
    }

    public static long count(ReactiveMongoTemplate mongo, String collection, Criteria criteria) {
        return mongo.count(Query.query(criteria), collection).block(WAIT);
    }

    public static long conversationsOf(ReactiveMongoTemplate mongo, String customerId) {
        return count(mongo, Conversation.COLLECTION, Criteria.where("customerId").is(customerId));
    }
}
