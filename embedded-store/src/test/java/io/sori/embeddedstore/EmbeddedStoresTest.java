package io.sori.embeddedstore;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Updates;
import com.mongodb.reactivestreams.client.MongoClient;
import com.mongodb.reactivestreams.client.MongoClients;
import com.mongodb.reactivestreams.client.MongoCollection;
import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.IndexKey;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Over the wire, with the real driver: the indexes change how documents are found, never which. */
class EmbeddedStoresTest {

    static Stream<Supplier<MongoBackend>> backends() throws Exception {
        Path file = Files.createTempFile("sori-store-", ".mv");
        Files.delete(file);
        return Stream.of(EmbeddedStores::inMemory, () -> EmbeddedStores.file(file.toString()));
    }

    @ParameterizedTest
    @MethodSource("backends")
    void shouldFindByASecondaryIndexExactlyWhatAScanFinds(Supplier<MongoBackend> backend) {
        MongoServer server = new MongoServer(backend.get());
        InetSocketAddress address = server.bind();
        try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + address.getPort())) {
            MongoCollection<Document> conversations = client.getDatabase("store_test").getCollection("conversations");
            Mono.from(conversations.createIndex(Indexes.compoundIndex(Indexes.ascending("customerId"),
                    Indexes.descending("updatedAt")))).block();
            Mono.from(conversations.createIndex(Indexes.ascending("threadKeys"))).block();
            for (int i = 0; i < 30; i++) {
                Mono.from(conversations.insertOne(new Document("_id", "c" + i).append("customerId", "cust-" + (i % 3))
                        .append("channel", i % 2 == 0 ? "CHAT" : "TALK").append("updatedAt", i)
                        .append("threadKeys", List.of("k" + i, "shared")).append("version", 0L))).block();
            }
            assertThat(ids(conversations, Filters.and(Filters.eq("customerId", "cust-1"), Filters.eq("channel", "CHAT"))))
                    .containsExactlyInAnyOrder("c4", "c10", "c16", "c22", "c28");
            assertThat(ids(conversations, Filters.in("customerId", "cust-0", "cust-2"))).hasSize(20);
            assertThat(ids(conversations, Filters.and(Filters.in("threadKeys", "k7", "k8"), Filters.eq("customerId", "cust-1"))))
                    .containsExactly("c7");
            assertThat(ids(conversations, Filters.eq("threadKeys", "shared"))).hasSize(30);

            // the key moves: found under the new value only, then gone when deleted
            Mono.from(conversations.updateOne(Filters.eq("_id", "c4"), Updates.set("customerId", "cust-9"))).block();
            assertThat(ids(conversations, Filters.eq("customerId", "cust-9"))).containsExactly("c4");
            assertThat(ids(conversations, Filters.eq("customerId", "cust-1"))).doesNotContain("c4").hasSize(9);
            Mono.from(conversations.deleteOne(Filters.eq("_id", "c4"))).block();
            assertThat(ids(conversations, Filters.eq("customerId", "cust-9"))).isEmpty();

            // a versioned save: the _id finds the candidate, the version still decides
            assertThat(Mono.from(conversations.updateOne(Filters.and(Filters.eq("_id", "c5"), Filters.eq("version", 1L)),
                    Updates.inc("version", 1L))).block().getModifiedCount()).isZero();
            assertThat(Mono.from(conversations.updateOne(Filters.and(Filters.eq("_id", "c5"), Filters.eq("version", 0L)),
                    Updates.inc("version", 1L))).block().getModifiedCount()).isOne();
            // conditions a lookup cannot answer still work, by the scan
            assertThat(ids(conversations, Filters.exists("customerId", false))).isEmpty();
            assertThat(ids(conversations, Filters.regex("customerId", "^cust-2"))).hasSize(10);
        } finally {
            server.shutdownNow();
        }
    }

    @Test
    void shouldRefuseASecondDocumentWithTheSameUniqueKey() {
        MongoServer server = new MongoServer(EmbeddedStores.inMemory());
        InetSocketAddress address = server.bind();
        try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + address.getPort())) {
            MongoCollection<Document> tickets = client.getDatabase("store_test").getCollection("tickets");
            Mono.from(tickets.createIndex(Indexes.ascending("number"), new IndexOptions().unique(true))).block();
            Mono.from(tickets.insertOne(new Document("_id", "t1").append("number", "S-1"))).block();
            assertThat(Mono.from(tickets.insertOne(new Document("_id", "t2").append("number", "S-1")))
                    .map(r -> "inserted").onErrorResume(e -> Mono.just("refused")).block()).isEqualTo("refused");
            assertThat(ids(tickets, Filters.and(Filters.eq("number", "S-1"), Filters.eq("_id", "t1")))).containsExactly("t1");
        } finally {
            server.shutdownNow();
        }
    }

    @Test
    void shouldAnswerOnlyEqualityOnTheFirstKey() {
        EqualityIndex<Integer> index = new EqualityIndex<>("customer_recent",
                List.of(new IndexKey("customerId", true), new IndexKey("updatedAt", false)), false);
        assertThat(index.canHandle(new de.bwaldvogel.mongo.bson.Document("customerId", "c").append("status", "OPEN"))).isTrue();
        assertThat(index.canHandle(new de.bwaldvogel.mongo.bson.Document("customerId",
                new de.bwaldvogel.mongo.bson.Document("$in", List.of("a", "b"))))).isTrue();
        assertThat(index.canHandle(new de.bwaldvogel.mongo.bson.Document("customerId", null))).isFalse();
        assertThat(index.canHandle(new de.bwaldvogel.mongo.bson.Document("customerId",
                new de.bwaldvogel.mongo.bson.Document("$ne", "a")))).isFalse();
        assertThat(index.canHandle(new de.bwaldvogel.mongo.bson.Document("updatedAt", 3))).isFalse();
    }

    private static List<String> ids(MongoCollection<Document> collection, Bson filter) {
        return Flux.from(collection.find(filter)).map(d -> d.getString("_id")).collectList().block();
    }
}
