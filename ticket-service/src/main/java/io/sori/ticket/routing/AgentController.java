package io.sori.ticket.routing;

import io.sori.platform.security.Actor;
import io.sori.platform.security.Role;
import io.sori.platform.web.ProblemException;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

/**
 * Agents' skills, capacity and status. Supervisors set everything; agents switch only their own
 * status (available, busy, offline).
 */
@RestController
@RequestMapping("/api/agents")
class AgentController {

    private static final java.util.regex.Pattern ID = java.util.regex.Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.:-]{0,63}");

    private final ReactiveMongoTemplate mongo;
    private final RoutingTrigger routing;
    private final Clock clock;

    AgentController(ReactiveMongoTemplate mongo, RoutingTrigger routing, Clock clock) {
        this.mongo = mongo;
        this.routing = routing;
        this.clock = clock;
    }

    record AgentRequest(
            @NotBlank @Size(max = 60) String displayName,
            @Size(max = 60) String contact,
            @NotEmpty @Size(max = 20) List<@NotNull Skill> skills,
            Boolean supervisor,
            @NotNull @Min(1) @Max(20) Integer maxConcurrent,
            @NotNull @Min(1) @Max(200) Integer maxDaily,
            @NotNull AgentStatus status) {
    }

    record AgentView(String id, String displayName, String contact, List<String> skills, boolean supervisor,
            int maxConcurrent, int maxDaily, String status, int active, int assignedToday, Instant restUntil,
            Instant updatedAt) {

        static AgentView of(Agent a, LocalDate today) {
            return new AgentView(a.id(), a.displayName(), a.contact(), a.skills(), a.supervisor(), a.maxConcurrent(),
                    a.maxDaily(), a.status().name(), a.active(), today.equals(a.day()) ? a.assignedToday() : 0,
                    a.restUntil(), a.updatedAt());
        }
    }

    @PutMapping("/{agentId}")
    Mono<AgentView> put(@PathVariable String agentId, @Valid @RequestBody AgentRequest request, Actor actor) {
        actor.require(Role.AGENT, Role.SUPERVISOR, Role.ADMIN);
        if (!ID.matcher(agentId).matches()) {
            throw ProblemException.badRequest("agentId", "must be an id of letters, digits and _.:- (at most 64)");
        }
        boolean manager = actor.has(Role.SUPERVISOR, Role.ADMIN);
        if (!manager && !agentId.equals(actor.id())) {
            throw forbidden("agents change only their own status");
        }
        List<String> skills = request.skills().stream().map(Skill::name).distinct().toList();
        Instant now = clock.instant();
        return mongo.findById(agentId, Agent.class)
                .defaultIfEmpty(new Agent(agentId))
                .flatMap(agent -> {
                    if (!manager && (agent.version() == null || !sameProfile(agent, request, skills))) {
                        throw forbidden("only a supervisor changes skills, capacity or role");
                    }
                    agent.update(request.displayName().strip(), request.contact(), skills,
                            Boolean.TRUE.equals(request.supervisor()), request.maxConcurrent(), request.maxDaily(),
                            request.status(), now);
                    return mongo.save(agent);
                })
                .retryWhen(Retry.max(3).filter(OptimisticLockingFailureException.class::isInstance))
                .doOnSuccess(saved -> routing.poke())
                .map(saved -> AgentView.of(saved, today()));
    }

    @GetMapping("/{agentId}")
    Mono<AgentView> get(@PathVariable String agentId, Actor actor) {
        actor.require(Role.AGENT, Role.SUPERVISOR, Role.ADMIN);
        if (!ID.matcher(agentId).matches()) {
            throw ProblemException.badRequest("agentId", "must be an id of letters, digits and _.:- (at most 64)");
        }
        return mongo.findById(agentId, Agent.class)
                .switchIfEmpty(Mono.error(() -> ProblemException.notFound("agent", agentId)))
                .map(agent -> AgentView.of(agent, today()));
    }

    @GetMapping
    Mono<List<AgentView>> list(Actor actor) {
        actor.require(Role.AGENT, Role.SUPERVISOR, Role.ADMIN);
        LocalDate today = today();
        return mongo.findAll(Agent.class).sort(java.util.Comparator.comparing(Agent::id))
                .map(a -> AgentView.of(a, today)).collectList();
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(java.time.ZoneId.of("Asia/Seoul")));
    }

    private static boolean sameProfile(Agent agent, AgentRequest request, List<String> skills) {
        return agent.skills().equals(skills) && agent.maxConcurrent() == request.maxConcurrent()
                && agent.maxDaily() == request.maxDaily()
                && agent.supervisor() == Boolean.TRUE.equals(request.supervisor())
                && Objects.equals(agent.displayName(), request.displayName().strip());
    }

    private static ProblemException forbidden(String detail) {
        return new ProblemException(HttpStatus.FORBIDDEN, "forbidden", "Forbidden", detail);
    }
}
