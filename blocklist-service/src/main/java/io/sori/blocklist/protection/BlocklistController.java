package io.sori.blocklist.protection;

import io.sori.events.blocklist.BlockState;
import io.sori.events.channel.Channel;
import io.sori.platform.security.Actor;
import io.sori.platform.security.Role;
import io.sori.platform.web.ProblemException;
import io.sori.platform.web.RequestIds;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.regex.Pattern;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * Agents report; supervisors approve permanent blocks and lift blocks; staff read cases and evidence.
 * Customers see none of it.
 */
@RestController
@RequestMapping("/api/blocklist")
class BlocklistController {

    static final MediaType MARKDOWN = new MediaType("text", "markdown", StandardCharsets.UTF_8);
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.:-]{0,99}");

    private final BlocklistService service;

    BlocklistController(BlocklistService service) {
        this.service = service;
    }

    enum Reason { PROFANITY, THREAT, SEXUAL_HARASSMENT, OBSTRUCTION, SPAM }

    record ReportRequest(
            @NotBlank @Size(max = 100) String customerId,
            @NotNull Reason reason,
            @Size(max = 100) String conversationId,
            @Size(max = 100) String ticketId,
            @NotBlank @Size(max = 4000) String evidence,
            @Size(max = 6) List<@NotNull Channel> channels) {
    }

    /** What a report led to: a warning, or a block until a time (a permanent one awaiting approval). */
    record ReportView(String reportId, String customerId, String reason, String action, int level, String blockId,
            Instant until, boolean pendingApproval, List<Channel> channels, int warnings, Instant reportedAt,
            Instant agentRestUntil) {
    }

    record DecisionRequest(CustomerCase.Decision decision, @Size(max = 1000) String reason) {
    }

    record LiftRequest(@NotBlank @Size(max = 1000) String reason) {
    }

    record CaseView(String customerId, BlockState state, int warnings, boolean seniorHandler, List<Report> reports,
            List<Detection> detections, List<Block> blocks, List<AuditEntry> history, Instant updatedAt) {

        static CaseView of(CustomerCase c, Instant now) {
            return new CaseView(c.customerId(), c.state(now), c.warnings(), c.seniorHandler(), c.reports(),
                    c.detections(), c.blocks(), c.history(), c.updatedAt());
        }
    }

    record BlockSummary(String customerId, String blockId, String reason, int level, String status, Instant startedAt,
            Instant until, List<Channel> channels) {
    }

    @PostMapping("/reports")
    Mono<ResponseEntity<ReportView>> report(@Valid @RequestBody ReportRequest request,
            @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey, Actor actor) {
        actor.require(Role.AGENT, Role.SUPERVISOR);
        id("customerId", request.customerId());
        if (request.conversationId() == null && request.ticketId() == null) {
            throw ProblemException.badRequest("conversationId", "a report names the conversation or the ticket");
        }
        optionalId("conversationId", request.conversationId());
        optionalId("ticketId", request.ticketId());
        if (idempotencyKey != null && !ID.matcher(idempotencyKey).matches()) {
            throw ProblemException.badRequest("Idempotency-Key", "must be up to 100 letters, digits and _.:-");
        }
        var filing = new BlocklistService.Filing(actor.id(), request.customerId(), request.reason().name(),
                request.conversationId(), request.ticketId(), request.evidence().strip(), request.channels(),
                idempotencyKey);
        return RequestIds.correlationId().defaultIfEmpty("")
                .flatMap(correlationId -> service.report(filing, correlationId))
                .map(filed -> ResponseEntity.status(HttpStatus.CREATED).body(view(filed)));
    }

    @PostMapping("/blocks/{blockId}/approve")
    Mono<CaseView> approve(@PathVariable String blockId, @Valid @RequestBody(required = false) DecisionRequest request,
            Actor actor) {
        actor.require(Role.SUPERVISOR);
        id("blockId", blockId);
        var decision = request == null || request.decision() == null ? CustomerCase.Decision.PERMANENT
                : request.decision();
        return RequestIds.correlationId().defaultIfEmpty("")
                .flatMap(correlationId -> service.approve(blockId, decision, actor.id(),
                        request == null ? null : request.reason(), correlationId))
                .map(c -> CaseView.of(c, service.now()));
    }

    @PostMapping("/blocks/{blockId}/lift")
    Mono<CaseView> lift(@PathVariable String blockId, @Valid @RequestBody LiftRequest request, Actor actor) {
        actor.require(Role.SUPERVISOR);
        id("blockId", blockId);
        return RequestIds.correlationId().defaultIfEmpty("")
                .flatMap(correlationId -> service.lift(blockId, actor.id(), request.reason().strip(), correlationId))
                .map(c -> CaseView.of(c, service.now()));
    }

    @GetMapping("/blocks")
    Mono<List<BlockSummary>> blocks(@RequestParam(defaultValue = "true") boolean active,
            @RequestParam(defaultValue = "100") int limit, Actor actor) {
        actor.require(Role.AGENT, Role.SUPERVISOR, Role.ADMIN);
        if (limit < 1 || limit > 500) {
            throw ProblemException.badRequest("limit", "must be between 1 and 500");
        }
        Instant now = service.now();
        return service.blocked(active, limit)
                .flatMapIterable(c -> active ? c.current(now).stream().map(b -> summary(c, b)).toList()
                        : c.blocks().stream().map(b -> summary(c, b)).toList())
                .collectList();
    }

    @GetMapping("/customers/{customerId}")
    Mono<CaseView> customer(@PathVariable String customerId, Actor actor) {
        actor.require(Role.AGENT, Role.SUPERVISOR, Role.ADMIN);
        id("customerId", customerId);
        return service.find(customerId)
                .map(c -> CaseView.of(c, service.now()))
                .switchIfEmpty(Mono.error(() -> ProblemException.notFound("customer case", customerId)));
    }

    /** JSON, or Markdown with {@code Accept: text/markdown} or {@code ?format=markdown}. */
    @GetMapping("/customers/{customerId}/evidence")
    Mono<ResponseEntity<?>> evidence(@PathVariable String customerId,
            @RequestParam(required = false) String format, @RequestHeader HttpHeaders headers, Actor actor) {
        actor.require(Role.AGENT, Role.SUPERVISOR, Role.ADMIN);
        id("customerId", customerId);
        boolean markdown = wantsMarkdown(format, headers);
        return service.find(customerId)
                .switchIfEmpty(Mono.error(() -> ProblemException.notFound("customer case", customerId)))
                .map(c -> {
                    EvidencePack pack = EvidencePack.of(c, service.now(), actor.id());
                    if (!markdown) {
                        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(pack);
                    }
                    return ResponseEntity.ok().contentType(MARKDOWN)
                            .header(HttpHeaders.CONTENT_DISPOSITION,
                                    "attachment; filename=\"evidence-" + customerId + ".md\"")
                            .body(pack.markdown());
                });
    }

    private static boolean wantsMarkdown(String format, HttpHeaders headers) {
        if (format != null) {
            return switch (format.toLowerCase(java.util.Locale.ROOT)) {
                case "markdown", "md" -> true;
                case "json" -> false;
                default -> throw ProblemException.badRequest("format", "must be json or markdown");
            };
        }
        return headers.getAccept().stream().anyMatch(t -> t.isCompatibleWith(MARKDOWN) && !t.isWildcardType());
    }

    private static BlockSummary summary(CustomerCase c, Block b) {
        return new BlockSummary(c.customerId(), b.blockId(), b.reason(), b.level(), b.status().name(), b.startedAt(),
                b.until(), b.channels());
    }

    private static ReportView view(BlocklistService.Filed filed) {
        Report r = filed.report();
        CustomerCase c = filed.customerCase();
        Block block = r.blockId() == null ? null : c.block(r.blockId());
        return new ReportView(r.reportId(), c.customerId(), r.reason(), r.action().name(), r.rung(), r.blockId(),
                block == null ? null : block.until(), block != null && block.status() == Block.Status.PENDING_APPROVAL,
                block == null ? List.of() : block.channels(), c.warnings(), r.at(), filed.restUntil());
    }

    private static void id(String field, String value) {
        if (value == null || !ID.matcher(value).matches()) {
            throw ProblemException.badRequest(field, "must be an id of letters, digits and _.:- (at most 100)");
        }
    }

    private static void optionalId(String field, String value) {
        if (value != null) {
            id(field, value);
        }
    }
}
