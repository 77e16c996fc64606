package io.sori.channel.contact;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.Collection;
import java.util.Date;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.bson.Document;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Where answers can reach a customer: email addresses learned from contacts the channel
 * platform vouched for (address → customer, used to match senders of later mail), and the phone
 * number a customer gave for calls and text messages. This is the one place contact addresses are
 * kept in the clear: they are never put into message text, logs or events.
 */
@Component
public class ContactBook {

    static final String COLLECTION = "contacts";

    private final ReactiveMongoTemplate mongo;
    private final Clock clock;

    ContactBook(ReactiveMongoTemplate mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
    }

    public static String normalizeEmail(String address) {
        return address == null ? null : address.strip().toLowerCase(Locale.ROOT);
    }

    /** The customer an email address belongs to, if a vouched-for contact taught us. */
    public Mono<String> customerOfEmail(String address) {
        return mongo.findById("email:" + normalizeEmail(address), Document.class, COLLECTION)
                .mapNotNull(d -> d.getString("customerId"));
    }

    public Mono<Void> learnEmail(String address, String customerId) {
        return upsert("email:" + normalizeEmail(address), "EMAIL", normalizeEmail(address), customerId);
    }

    public Mono<Void> learnPhone(String customerId, String phoneNumber) {
        return upsert("phone:" + customerId, "PHONE", phoneNumber.replaceAll("[^+0-9]", ""), customerId);
    }

    /** The number the customer asked to be called back on, kept for that callback alone. */
    public Mono<Void> learnCallbackNumber(String callbackId, String customerId, String phoneNumber) {
        return upsert("callback:" + callbackId, "PHONE", phoneNumber.replaceAll("[^+0-9]", ""), customerId);
    }

    /** Callback id → the number to dial, for those callbacks that have one. */
    public Mono<Map<String, String>> callbackNumbers(Collection<String> callbackIds) {
        List<String> ids = callbackIds.stream().map(id -> "callback:" + id).toList();
        return mongo.find(Query.query(Criteria.where("_id").in(ids)), Document.class, COLLECTION)
                .collectMap(d -> d.getString("_id").substring("callback:".length()), d -> d.getString("address"));
    }

    public Mono<String> phoneOf(String customerId) {
        return mongo.findById("phone:" + customerId, Document.class, COLLECTION).mapNotNull(d -> d.getString("address"));
    }

    /**
     * The id an unknown sender is recorded under: stable per address, so their mails thread and their
     * tickets join, and marked as an unverified contact.
     */
    public static String unverifiedContactId(String address) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(normalizeEmail(address).getBytes(
                    java.nio.charset.StandardCharsets.UTF_8));
            return "contact-" + HexFormat.of().formatHex(hash, 0, 10);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private Mono<Void> upsert(String id, String kind, String address, String customerId) {
        Update update = new Update().set("kind", kind).set("address", address).set("customerId", customerId)
                .set("learnedAt", Date.from(clock.instant()));
        return mongo.upsert(Query.query(Criteria.where("_id").is(id)), update, COLLECTION).then();
    }
}
