package io.sori.blocklist.protection;

import io.sori.blocklist.detection.Finding;
import io.sori.blocklist.detection.ProfanityDetector;
import io.sori.blocklist.policy.EscalationPolicy;
import io.sori.events.channel.Channel;
import io.sori.events.channel.InteractionRecorded;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.aggregation.Aggregation;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Agent protection: reports, detections, approvals, lifts and expiry, each one write of the customer's case. */
@Service
class BlocklistService {

    private static final Logger log = LoggerFactory.getLogger(BlocklistService.class);

    private final CaseWriter writer;
    private final ReactiveMongoTemplate mongo;
    private final BlocklistSettings settings;
    private final EscalationPolicy policy;
    private final BlocklistMetrics metrics;
    private final Clock clock;
    private final ProfanityDetector detector = new ProfanityDetector();

    BlocklistService(CaseWriter writer, ReactiveMongoTemplate mongo, BlocklistSettings settings,
            BlocklistMetrics metrics, Clock clock) {
        this.writer = writer;
        this.mongo = mongo;
        this.settings = settings;
        this.policy = settings.policy().toPolicy();
        this.metrics = metrics;
        this.clock = clock;
    }

    /** An agent's report; the same idempotency key from the same agent files it once. */
    record Filing(String agentId, String customerId, String reason, String conversationId, String ticketId,
            String evidence, List<Channel> channels, String idempotencyKey) {

        String reportId() {
            return idempotencyKey == null ? "rep-" + UUID.randomUUID()
                    : "rep-" + UUID.nameUUIDFromBytes((agentId + "\n" + idempotencyKey).getBytes(StandardCharsets.UTF_8));
        }
    }

    /** The report as filed, with the case it left behind. */
    record Filed(Report report, CustomerCase customerCase, Instant restUntil) {
    }

    Mono<Filed> report(Filing filing, String correlationId) {
        String reportId = filing.reportId();
        List<Channel> channels = filing.channels() == null || filing.channels().isEmpty() ? settings.channels()
                : filing.channels();
        boolean[] filedNow = {false};
        Instant[] restUntil = {null};
        return writer.change(filing.customerId(), (c, now) -> {
                    filedNow[0] = false;
                    if (c.hasReport(reportId)) {
                        return false; // the same request again: nothing more happens
                    }
                    Report report = c.report(new CustomerCase.Offence(reportId, Report.Source.AGENT, filing.agentId(),
                            filing.reason(), filing.conversationId(), filing.ticketId(), filing.evidence(), channels),
                            policy, now, correlationId);
                    restUntil[0] = now.plus(settings.agentRest());
                    c.grantRest(filing.agentId(), report.reportId(), restUntil[0], now, correlationId);
                    filedNow[0] = true;
                    return true;
                })
                .doOnSuccess(c -> {
                    if (filedNow[0]) {
                        metrics.reported(filing.reason(), Report.Source.AGENT);
                        log.info("customer {} reported for {} by {}", filing.customerId(), filing.reason(),
                                filing.agentId());
                    }
                })
                .map(c -> new Filed(c.report(reportId).orElseThrow(), c, restUntil[0]));
    }

    /** Reads a customer's chat or talk message; a detection is recorded and the customer warned. */
    Mono<Void> screen(InteractionRecorded message, String correlationId) {
        if (message.customerId() == null || !settings.screenedChannels().contains(message.channel())) {
            return Mono.empty();
        }
        String text = ownWords(message);
        List<Finding> findings = detector.findAll(text);
        if (findings.isEmpty()) {
            return Mono.empty();
        }
        String category = detector.worst(findings).orElseThrow().name();
        boolean[] recorded = {false};
        return writer.change(message.customerId(), (c, now) -> {
                    Detection found = new Detection(message.interactionId(), message.conversationId(),
                            message.channel().name(), category, findings.stream().map(Finding::term).distinct().toList(),
                            findings.stream().map(Finding::matched).toList(), excerpt(text),
                            message.receivedAt() == null ? now : message.receivedAt(), null);
                    recorded[0] = c.detected(found, settings.channels(), policy, now, correlationId);
                    return recorded[0];
                })
                .doOnSuccess(c -> {
                    if (recorded[0]) {
                        metrics.detected(category);
                        c.report("det-" + message.interactionId())
                                .ifPresent(r -> metrics.reported(r.reason(), Report.Source.DETECTION));
                        log.info("{} detected in conversation {} of customer {}", category, message.conversationId(),
                                message.customerId());
                    }
                })
                .then();
    }

    Mono<CustomerCase> approve(String blockId, CustomerCase.Decision decision, String supervisor, String reason,
            String correlationId) {
        return writer.changeBlock(blockId, (c, now) -> {
            c.approve(blockId, decision, supervisor, reason, now, correlationId);
            return true;
        }).doOnSuccess(c -> {
            if (decision == CustomerCase.Decision.SENIOR_HANDLER) {
                metrics.lifted("SENIOR_HANDLER");
            }
        });
    }

    Mono<CustomerCase> lift(String blockId, String supervisor, String reason, String correlationId) {
        return writer.changeBlock(blockId, (c, now) -> {
            c.lift(blockId, supervisor, reason, now, correlationId);
            return true;
        }).doOnSuccess(c -> metrics.lifted("LIFTED"));
    }

    /** Ends every block whose time is up; returns how many. */
    Mono<Integer> expireDue() {
        Instant now = clock.instant();
        return mongo.find(Query.query(Criteria.where("blocked").is(true).and("blockedUntil").lte(now)),
                        CustomerCase.class)
                .concatMap(due -> {
                    boolean[] ended = {false};
                    return writer.change(due.customerId(), (c, at) -> ended[0] = c.expire(at, "expiry-" + UUID.randomUUID()))
                            .map(c -> ended[0] ? 1 : 0);
                })
                .doOnNext(ended -> {
                    if (ended == 1) {
                        metrics.lifted(CustomerCase.EXPIRED);
                    }
                })
                .reduce(0, Integer::sum);
    }

    /** Customers blocked now, by reason, for the gauge. */
    Mono<Map<String, Long>> countActive() {
        Instant now = clock.instant();
        Criteria inForce = Criteria.where("blocked").is(true)
                .orOperator(Criteria.where("blockedUntil").is(null), Criteria.where("blockedUntil").gt(now));
        return mongo.aggregate(Aggregation.newAggregation(Aggregation.match(inForce),
                        Aggregation.group("blockReason").count().as("n")), CustomerCase.COLLECTION, Document.class)
                .filter(d -> d.getString("_id") != null)
                .collect(Collectors.toMap(d -> d.getString("_id"), d -> ((Number) d.get("n")).longValue()));
    }

    Mono<CustomerCase> find(String customerId) {
        return mongo.findById(customerId, CustomerCase.class);
    }

    Flux<CustomerCase> blocked(boolean active, int limit) {
        Instant now = clock.instant();
        Query query = active
                ? Query.query(Criteria.where("blocked").is(true)
                        .orOperator(Criteria.where("blockedUntil").is(null), Criteria.where("blockedUntil").gt(now)))
                : Query.query(Criteria.where("blocks.0").exists(true));
        return mongo.find(query.with(Sort.by(Sort.Order.desc("updatedAt"))).limit(limit), CustomerCase.class);
    }

    Instant now() {
        return clock.instant();
    }

    /**
     * The customer's own words: the first message that needs a person carries what they told the bot
     * before, one message a line, already read when it was published — only the last line is new.
     */
    static String ownWords(InteractionRecorded message) {
        String text = message.text() == null ? "" : message.text();
        if (message.handoffReason() != null && text.contains("\n")) {
            return text.substring(text.lastIndexOf('\n') + 1);
        }
        return text;
    }

    private String excerpt(String text) {
        String flat = text.strip();
        return flat.length() <= settings.excerptLength() ? flat : flat.substring(0, settings.excerptLength()) + "…";
    }
}
