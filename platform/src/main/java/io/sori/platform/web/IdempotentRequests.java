package io.sori.platform.web;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.Date;
import java.util.HexFormat;
import java.util.List;
import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.http.HttpStatus;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * Keeps an {@code Idempotency-Key} to the one request it was first sent with. The same key with
 * the same request goes on (and the service answers it as it answered the first); the same key
 * with another request is a 422 problem before anything is stored, instead of the first answer
 * silently standing in for a request that was never carried out.
 *
 * <p>Each key's first request is remembered as a fingerprint (SHA-256 of the operation and the
 * request as parsed, so spacing and field order do not matter) in one document whose id is the
 * key: the store's unique id decides a race between two first uses.
 */
public class IdempotentRequests {

    public static final String HEADER = "Idempotency-Key";
    static final String COLLECTION = "idempotency_keys";

    private final ReactiveMongoTemplate mongo;
    private final JsonMapper json;
    private final Clock clock;

    public IdempotentRequests(ReactiveMongoTemplate mongo, JsonMapper json, Clock clock) {
        this.mongo = mongo;
        this.json = json;
        this.clock = clock;
    }

    /**
     * Completes when {@code key} is new or was first used for this same operation and request;
     * fails with a 422 problem naming the header when it was used for another. No key, no check.
     */
    public Mono<Void> claim(String key, String operation, Object request) {
        if (key == null) {
            return Mono.empty();
        }
        String fingerprint = fingerprint(operation, request);
        Document first = new Document("_id", key).append("operation", operation).append("fingerprint", fingerprint)
                .append("firstSeenAt", Date.from(clock.instant()));
        return mongo.insert(first, COLLECTION).then()
                .onErrorResume(DuplicateKeyException.class, seen -> mongo.findById(key, Document.class, COLLECTION)
                        .flatMap(earlier -> fingerprint.equals(earlier.getString("fingerprint")) ? Mono.<Void>empty()
                                : Mono.error(reused())));
    }

    private String fingerprint(String operation, Object request) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(operation.getBytes(StandardCharsets.UTF_8));
            sha.update((byte) 0);
            sha.update(json.writeValueAsBytes(request));
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static ProblemException reused() {
        String message = "was already used for a different request; send a new key for a new request";
        return new ProblemException(HttpStatus.UNPROCESSABLE_CONTENT, "idempotency-key-reused",
                "Idempotency key reused", HEADER + ": " + message)
                .with("errors", List.of(new ProblemException.FieldProblem(HEADER, message)));
    }
}
