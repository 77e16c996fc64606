package io.sori.survey.stats;

import io.sori.survey.survey.Survey;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.bson.Document;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.aggregation.Aggregation;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * The roll-ups, added up by the store: two {@code $match}/{@code $group} pipelines (answers given
 * in the period, surveys issued in it) over stored flat fields, so they run the same on MongoDB
 * and on the embedded MongoDB-compatible server; per-agent streaks read the period's answers in
 * answer order.
 */
@Component
public class SurveyStats {

    private final ReactiveMongoTemplate mongo;

    SurveyStats(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** Which surveys count: a kind (consultations or campaigns), a campaign; null for all. */
    public record Scope(Instant from, Instant to, Survey.Kind kind, String campaignId) {

        Criteria answered() {
            return narrow(Criteria.where("status").is(Survey.Status.ANSWERED).and("answeredAt").gte(from).lt(to));
        }

        Criteria issued() {
            return narrow(Criteria.where("issuedAt").gte(from).lt(to));
        }

        private Criteria narrow(Criteria c) {
            if (kind != null) {
                c = c.and("kind").is(kind);
            }
            if (campaignId != null) {
                c = c.and("campaignId").is(campaignId);
            }
            return c;
        }
    }

    public record Group(String key, Rollup rollup, StreakView streak) {
    }

    public record StreakView(int current, int best) {
    }

    /** Groups by key (sorted, unknown last), and the total over all of them. */
    public Mono<Map.Entry<List<Group>, Rollup>> rollup(GroupBy by, Scope scope) {
        Mono<Map<String, Document>> answers = sums(Aggregation.newAggregation(
                Aggregation.match(scope.answered()),
                Aggregation.group(by.answerField()).count().as("responses")
                        .sum("satisfied").as("satisfied")
                        .sum("score100").as("score100Sum")));
        Mono<Map<String, Document>> issues = sums(Aggregation.newAggregation(
                Aggregation.match(scope.issued()),
                Aggregation.group(by.issueField()).count().as("issued")
                        .sum("answeredCount").as("answeredOfIssued")));
        Mono<Map<String, Streaks>> streaks = by == GroupBy.AGENT ? streaks(scope) : Mono.just(Map.of());
        return Mono.zip(answers, issues, streaks).map(t -> {
            Map<String, Document> a = t.getT1();
            Map<String, Document> i = t.getT2();
            List<String> keys = new ArrayList<>(a.keySet());
            i.keySet().stream().filter(k -> !a.containsKey(k)).forEach(keys::add);
            keys.sort(Comparator.nullsLast(Comparator.naturalOrder()));
            List<Group> groups = new ArrayList<>();
            Rollup total = Rollup.NONE;
            for (String key : keys) {
                Document sa = a.getOrDefault(key, new Document());
                Document si = i.getOrDefault(key, new Document());
                Rollup r = new Rollup(number(sa, "responses"), number(sa, "satisfied"), number(sa, "score100Sum"),
                        number(si, "issued"), number(si, "answeredOfIssued"));
                total = total.plus(r);
                Streaks s = t.getT3().get(key);
                groups.add(new Group(key, r, s == null ? null : new StreakView(s.current(), s.best())));
            }
            return Map.entry(groups, total);
        });
    }

    /** Each agent's runs of 5s over the period's answers, oldest first. */
    private Mono<Map<String, Streaks>> streaks(Scope scope) {
        Query query = Query.query(scope.answered().and("agent").ne(null))
                .with(Sort.by("agent", "answeredAt", "_id"));
        query.fields().include("agent").include("overall").include("answeredAt");
        return mongo.find(query, Document.class, Survey.COLLECTION)
                .collect(() -> new HashMap<String, Streaks>(), (map, d) -> map
                        .computeIfAbsent(d.getString("agent"), k -> new Streaks())
                        .add(((Number) d.get("overall")).intValue()))
                .map(m -> (Map<String, Streaks>) m);
    }

    private Mono<Map<String, Document>> sums(Aggregation pipeline) {
        return mongo.aggregate(pipeline, Survey.COLLECTION, Document.class)
                .collect(LinkedHashMap::new, (map, d) -> map.put(d.get("_id") == null ? null
                        : Objects.toString(d.get("_id")), d));
    }

    private static long number(Document d, String field) {
        Object value = d.get(field);
        return value instanceof Number n ? n.longValue() : 0;
    }
}
