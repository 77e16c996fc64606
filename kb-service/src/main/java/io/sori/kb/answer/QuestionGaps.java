package io.sori.kb.answer;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HexFormat;
import java.util.List;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.aggregation.Aggregation;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Questions the FAQ did not answer well, counted per Seoul calendar day: one document per
 * (day, normalised question), incremented in place, so any number of instances count the
 * same question together and a day's counts are kept compact. Old days are swept after the
 * retention period (by the application: not every store expires documents).
 */
@Component
public class QuestionGaps {

    private static final Logger log = LoggerFactory.getLogger(QuestionGaps.class);
    static final String COLLECTION = "question_gaps";
    public static final ZoneId SEOUL = ZoneId.of("Asia/Seoul");

    /** How an asked question was recorded. */
    public enum Outcome { UNANSWERED, LOW_CONFIDENCE }

    /** One question over a period, as the gaps report shows it. */
    public record Gap(String question, long count, long unanswered, long lowConfidence, int days,
            Instant lastAskedAt, Double lastConfidence, String lastBestArticleId) {
    }

    private final ReactiveMongoTemplate mongo;
    private final Clock clock;
    private final AnswerProperties properties;
    private Disposable sweeper;

    QuestionGaps(ReactiveMongoTemplate mongo, Clock clock, AnswerProperties properties) {
        this.mongo = mongo;
        this.clock = clock;
        this.properties = properties;
    }

    @jakarta.annotation.PostConstruct
    void start() {
        mongo.indexOps(COLLECTION).createIndex(new Index().on("day", Sort.Direction.ASC).named("by_day"))
                .onErrorResume(e -> {
                    log.warn("could not create the gaps index: {}", e.toString());
                    return Mono.empty();
                })
                .block(Duration.ofSeconds(30));
        sweeper = Flux.interval(Duration.ofMinutes(1), Duration.ofHours(6), Schedulers.boundedElastic())
                .concatMap(tick -> sweep().onErrorResume(e -> Mono.empty()))
                .subscribe();
    }

    @jakarta.annotation.PreDestroy
    void stop() {
        if (sweeper != null) {
            sweeper.dispose();
        }
    }

    /** Counts one asking of a question (already normalised) today. */
    public Mono<Void> record(String question, Outcome outcome, double confidence, String bestArticleId) {
        Instant now = clock.instant();
        String day = LocalDate.ofInstant(now, SEOUL).toString();
        Update update = new Update()
                .setOnInsert("day", day)
                .setOnInsert("question", question)
                .setOnInsert("firstAskedAt", now)
                .inc("count", 1)
                .inc(outcome == Outcome.UNANSWERED ? "unanswered" : "lowConfidence", 1)
                .set("lastAskedAt", now)
                .set("lastConfidence", Math.round(confidence * 1000) / 1000.0)
                .set("lastBestArticleId", bestArticleId);
        return mongo.findAndModify(Query.query(Criteria.where("_id").is(id(day, question))), update,
                FindAndModifyOptions.options().upsert(true), Document.class, COLLECTION).then();
    }

    /** The most frequent questions of the days from..to (Seoul, inclusive), most frequent first. */
    public Mono<List<Gap>> top(LocalDate from, LocalDate to, int limit) {
        Aggregation aggregation = Aggregation.newAggregation(
                Aggregation.match(Criteria.where("day").gte(from.toString()).lte(to.toString())),
                Aggregation.sort(Sort.by("lastAskedAt")),
                Aggregation.group("question")
                        .sum("count").as("count")
                        .sum("unanswered").as("unanswered")
                        .sum("lowConfidence").as("lowConfidence")
                        .count().as("days")
                        .max("lastAskedAt").as("lastAskedAt")
                        .last("lastConfidence").as("lastConfidence")
                        .last("lastBestArticleId").as("lastBestArticleId"),
                Aggregation.sort(Sort.by(Sort.Order.desc("count"), Sort.Order.desc("lastAskedAt"), Sort.Order.asc("_id"))),
                Aggregation.limit(limit));
        return mongo.aggregate(aggregation, COLLECTION, Document.class)
                .map(doc -> new Gap(doc.getString("_id"), number(doc.get("count")), number(doc.get("unanswered")),
                        number(doc.get("lowConfidence")), (int) number(doc.get("days")),
                        doc.getDate("lastAskedAt") == null ? null : doc.getDate("lastAskedAt").toInstant(),
                        doc.get("lastConfidence") instanceof Number n ? n.doubleValue() : null,
                        doc.getString("lastBestArticleId")))
                .collectList();
    }

    Mono<Long> sweep() {
        String oldest = LocalDate.ofInstant(clock.instant(), SEOUL).minusDays(properties.gapsRetentionDays()).toString();
        return mongo.remove(Query.query(Criteria.where("day").lt(oldest)), COLLECTION).map(r -> r.getDeletedCount());
    }

    private static long number(Object value) {
        return value instanceof Number n ? n.longValue() : 0;
    }

    private static String id(String day, String question) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(question.getBytes(StandardCharsets.UTF_8));
            return day + ":" + HexFormat.of().formatHex(hash, 0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always available", e);
        }
    }
}
