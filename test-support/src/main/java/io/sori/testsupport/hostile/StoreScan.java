package io.sori.testsupport.hostile;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.bson.Document;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;

/**
 * Reads a service's whole database: where a marker occurs (proof that a refused request kept
 * nothing, and that a smuggled operator never reached the store) and how many documents each
 * collection holds.
 */
final class StoreScan {

    private static final Duration WAIT = Duration.ofSeconds(30);

    private final ReactiveMongoTemplate mongo;

    StoreScan(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** {@code collection/_id} of every document whose JSON contains any of the markers. */
    List<String> documentsContaining(String... markers) {
        List<String> found = new ArrayList<>();
        for (String collection : collections()) {
            List<Document> documents = mongo.findAll(Document.class, collection).collectList().block(WAIT);
            for (Document document : documents) {
                String json = document.toJson();
                for (String marker : markers) {
                    if (json.contains(marker)) {
                        found.add(collection + "/" + document.get("_id") + " holds " + marker);
                    }
                }
            }
        }
        return found;
    }

    Map<String, Long> counts() {
        Map<String, Long> counts = new TreeMap<>();
        for (String collection : collections()) {
            counts.put(collection, mongo.getCollection(collection)
                    .flatMap(c -> reactor.core.publisher.Mono.from(c.countDocuments())).block(WAIT));
        }
        return counts;
    }

    private List<String> collections() {
        return mongo.getCollectionNames().filter(name -> !name.startsWith("system.")).collectList().block(WAIT);
    }
}
