package io.sori.blocklist.protection;

import io.sori.blocklist.policy.EscalationPolicy;
import io.sori.blocklist.policy.Outcome;
import io.sori.events.SoriEvent;
import io.sori.events.blocklist.AgentRestGranted;
import io.sori.events.blocklist.BlockState;
import io.sori.events.blocklist.CustomerBlocked;
import io.sori.events.blocklist.CustomerUnblocked;
import io.sori.events.blocklist.CustomerWarned;
import io.sori.events.channel.Channel;
import io.sori.platform.outbox.OutboxMessage;
import io.sori.platform.web.ProblemException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * Everything the bank holds about one customer's conduct toward its agents: reports, detections,
 * blocks, the audit history, and the block state now. Every change is one versioned write of this
 * document carrying its audit line and the events that tell about it (outbox), so state, audit and
 * the compacted topic cannot disagree; each event carries the customer's whole block state.
 */
@Document(CustomerCase.COLLECTION)
@CompoundIndex(name = "block_id", def = "{'blocks.blockId': 1}")
@CompoundIndex(name = "blocked_until", def = "{'blocked': 1, 'blockedUntil': 1}")
public class CustomerCase {

    public static final String COLLECTION = "customer_cases";
    static final String SYSTEM = "system";
    static final String EXPIRED = "EXPIRED";

    /** An offence to put on the record. */
    record Offence(String reportId, Report.Source source, String reportedBy, String reason, String conversationId,
            String ticketId, String evidence, List<Channel> channels) {
    }

    /** What a supervisor decides about a permanent block awaiting approval. */
    enum Decision {
        PERMANENT,
        SENIOR_HANDLER
    }

    @Id
    private String customerId;
    private List<Report> reports = new ArrayList<>();
    private List<Detection> detections = new ArrayList<>();
    private List<Block> blocks = new ArrayList<>();
    private List<AuditEntry> history = new ArrayList<>();
    private int warnings;
    /** a supervisor chose a dedicated senior handler for this customer */
    private boolean seniorHandler;
    // the block in force, for queries: blocked customers, blocks due to expire
    private boolean blocked;
    private String blockId;
    private Instant blockedUntil;
    private String blockReason;
    private List<OutboxMessage> outbox = new ArrayList<>();
    private Instant createdAt;
    private Instant updatedAt;
    @Version
    private Long version;

    protected CustomerCase() {
    }

    CustomerCase(String customerId, Instant now) {
        this.customerId = customerId;
        this.createdAt = now;
        this.updatedAt = now;
    }

    /**
     * Puts an offence on the record and applies the policy: a warning, or a block (a permanent one
     * awaiting approval while the interim block holds). A block while one is in force takes over
     * from it, ending no earlier and covering the channels of both.
     */
    Report report(Offence offence, EscalationPolicy policy, Instant now, String correlationId) {
        int prior = (int) reports.stream().filter(r -> r.at().isAfter(now.minus(policy.lookback()))).count();
        Outcome outcome = policy.decide(offence.reason(), prior, offence.source() == Report.Source.DETECTION);
        String newBlockId = null;
        if (outcome.blocks()) {
            newBlockId = "blk-" + UUID.randomUUID();
            Instant until = now.plus(outcome.duration());
            List<Channel> channels = offence.channels();
            Optional<Block> current = current(now);
            if (current.isPresent()) {
                Block taken = current.get();
                until = taken.until() == null ? null : until.isAfter(taken.until()) ? until : taken.until();
                LinkedHashSet<Channel> both = new LinkedHashSet<>(taken.channels());
                both.addAll(channels);
                channels = List.copyOf(both);
                replace(taken.with(Block.Status.SUPERSEDED, taken.until(), SYSTEM, now, "superseded by " + newBlockId));
            }
            Block.Status status = outcome.needsApproval() && (current.isEmpty() || current.get().until() != null)
                    ? Block.Status.PENDING_APPROVAL : Block.Status.ACTIVE;
            blocks.add(new Block(newBlockId, offence.reportId(), offence.reason(), outcome.rung(), channels, now, until,
                    status, null, null, null));
        }
        Report report = new Report(offence.reportId(), offence.source(), offence.reportedBy(), offence.reason(),
                offence.conversationId(), offence.ticketId(), offence.evidence(), now, outcome.action(), outcome.rung(),
                newBlockId);
        reports.add(report);
        refresh(now);
        audit(now, offence.reportedBy(), "REPORTED", offence.reason() + " → " + describe(outcome, newBlockId));
        if (outcome.blocks()) {
            emit(new CustomerBlocked(customerId, newBlockId, offence.reportId(), offence.reason(), outcome.rung(),
                    state(now)), correlationId, now);
        } else {
            warnings++;
            emit(new CustomerWarned(customerId, offence.reportId(), offence.reason(), warnings, state(now),
                    offence.conversationId()), correlationId, now);
        }
        return report;
    }

    /** The reporting agent pauses: routing gives them no new work until {@code until}. */
    void grantRest(String agentId, String reportId, Instant until, Instant now, String correlationId) {
        audit(now, agentId, "AGENT_REST", "no new work until " + until);
        emit(new AgentRestGranted(agentId, until, reportId), correlationId, now);
    }

    /**
     * Records what the detector found in one message and warns the customer in that conversation. A
     * conversation's first detection counts as an offence; later ones are evidence and warn again.
     * The same message twice changes nothing.
     */
    boolean detected(Detection found, List<Channel> channels, EscalationPolicy policy, Instant now,
            String correlationId) {
        if (detections.stream().anyMatch(d -> d.interactionId().equals(found.interactionId()))) {
            return false;
        }
        boolean counts = found.conversationId() == null || detections.stream()
                .noneMatch(d -> found.conversationId().equals(d.conversationId()) && d.reportId() != null);
        String reportId = "det-" + found.interactionId();
        if (counts) {
            report(new Offence(reportId, Report.Source.DETECTION, SYSTEM, found.category(), found.conversationId(),
                    null, found.excerpt(), channels), policy, now, correlationId);
        } else {
            audit(now, SYSTEM, "DETECTED", found.category() + " " + found.terms() + " (counted already in "
                    + found.conversationId() + ")");
            emit(new CustomerWarned(customerId, reportId, found.category(), warnings, state(now),
                    found.conversationId()), correlationId, now);
        }
        detections.add(new Detection(found.interactionId(), found.conversationId(), found.channel(), found.category(),
                found.terms(), found.matched(), found.excerpt(), found.at(), counts ? reportId : null));
        return true;
    }

    /** A supervisor settles a permanent block awaiting approval: for good, or a senior handler instead. */
    void approve(String blockId, Decision decision, String supervisor, String reason, Instant now,
            String correlationId) {
        Block block = block(blockId);
        if (block.status() != Block.Status.PENDING_APPROVAL) {
            throw ProblemException.conflict("not-pending", "block " + blockId + " is " + block.status()
                    + ", not awaiting approval").with("blockStatus", block.status().name());
        }
        String why = decision.name() + (reason == null ? "" : ": " + reason);
        if (decision == Decision.PERMANENT) {
            replace(block.with(Block.Status.ACTIVE, null, supervisor, now, why));
            refresh(now);
            audit(now, supervisor, "APPROVED", why);
            emit(new CustomerBlocked(customerId, blockId, block.reportId(), block.reason(), block.level(), state(now)),
                    correlationId, now);
        } else {
            replace(block.with(Block.Status.SENIOR_HANDLER, block.until(), supervisor, now, why));
            seniorHandler = true;
            refresh(now);
            audit(now, supervisor, "SENIOR_HANDLER", why);
            emit(new CustomerUnblocked(customerId, blockId, "SENIOR_HANDLER", supervisor, state(now)), correlationId,
                    now);
        }
    }

    /** A supervisor lifts a block (an appeal upheld, a mistake), with a reason. */
    void lift(String blockId, String supervisor, String reason, Instant now, String correlationId) {
        Block block = block(blockId);
        if (!block.status().inForce()) {
            throw ProblemException.conflict("not-in-force", "block " + blockId + " is " + block.status()
                    + " already").with("blockStatus", block.status().name());
        }
        replace(block.with(Block.Status.LIFTED, block.until(), supervisor, now, reason));
        refresh(now);
        audit(now, supervisor, "LIFTED", reason);
        emit(new CustomerUnblocked(customerId, blockId, reason, supervisor, state(now)), correlationId, now);
    }

    /** Ends the block in force when its time is up; false when there is nothing to end. */
    boolean expire(Instant now, String correlationId) {
        Optional<Block> due = blocks.stream()
                .filter(b -> b.status().inForce() && b.until() != null && !b.until().isAfter(now)).findFirst();
        if (due.isEmpty()) {
            return false;
        }
        Block block = due.get();
        replace(block.with(Block.Status.EXPIRED, block.until(), SYSTEM, now, EXPIRED));
        refresh(now);
        audit(now, SYSTEM, EXPIRED, "block " + block.blockId() + " ended at " + block.until());
        emit(new CustomerUnblocked(customerId, block.blockId(), EXPIRED, SYSTEM, state(now)), correlationId, now);
        return true;
    }

    /** The state every event carries: the block in force, on its channels, or none. */
    BlockState state(Instant now) {
        return current(now).map(b -> new BlockState(true, b.blockId(), b.until(), b.reason(), b.channels()))
                .orElseGet(BlockState::notBlocked);
    }

    Optional<Block> current(Instant now) {
        return blocks.stream().filter(b -> b.inForceAt(now)).reduce((first, second) -> second);
    }

    Block block(String id) {
        return blocks.stream().filter(b -> b.blockId().equals(id)).findFirst()
                .orElseThrow(() -> ProblemException.notFound("block", id));
    }

    boolean hasReport(String reportId) {
        return reports.stream().anyMatch(r -> r.reportId().equals(reportId));
    }

    Optional<Report> report(String reportId) {
        return reports.stream().filter(r -> r.reportId().equals(reportId)).findFirst();
    }

    private void replace(Block updated) {
        blocks.replaceAll(b -> b.blockId().equals(updated.blockId()) ? updated : b);
    }

    private void refresh(Instant now) {
        Optional<Block> current = current(now);
        blocked = current.isPresent();
        blockId = current.map(Block::blockId).orElse(null);
        blockedUntil = current.map(Block::until).orElse(null);
        blockReason = current.map(Block::reason).orElse(null);
        updatedAt = now;
    }

    private void audit(Instant now, String actor, String action, String detail) {
        history.add(new AuditEntry(now, actor, action, detail));
        updatedAt = now;
    }

    private void emit(SoriEvent event, String correlationId, Instant now) {
        outbox.add(OutboxMessage.of(event, correlationId, now));
    }

    private static String describe(Outcome outcome, String blockId) {
        return switch (outcome.action()) {
            case WARNING -> outcome.capped() ? "WARNING (automatic detection: rung " + outcome.rung() + " not applied)"
                    : "WARNING";
            case BLOCK -> "BLOCK " + outcome.duration() + " " + blockId;
            case PERMANENT_BLOCK -> "PERMANENT_BLOCK awaiting approval, " + outcome.duration() + " meanwhile " + blockId;
        };
    }

    public String customerId() { return customerId; }
    public List<Report> reports() { return List.copyOf(reports); }
    public List<Detection> detections() { return List.copyOf(detections); }
    public List<Block> blocks() { return List.copyOf(blocks); }
    public List<AuditEntry> history() { return List.copyOf(history); }
    public int warnings() { return warnings; }
    public boolean seniorHandler() { return seniorHandler; }
    public boolean blocked() { return blocked; }
    public Instant blockedUntil() { return blockedUntil; }
    public Instant createdAt() { return createdAt; }
    public Instant updatedAt() { return updatedAt; }
    public Long version() { return version; }
    List<OutboxMessage> pendingEvents() { return List.copyOf(outbox); }
}
