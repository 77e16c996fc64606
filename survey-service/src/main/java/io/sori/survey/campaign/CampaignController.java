package io.sori.survey.campaign;

import io.sori.events.Category;
import io.sori.events.channel.Channel;
import io.sori.platform.security.Actor;
import io.sori.platform.security.Role;
import io.sori.platform.web.ProblemException;
import io.sori.platform.web.RequestIds;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Relationship-survey campaigns: supervisors start them, staff follow them. */
@RestController
@RequestMapping("/api/surveys/campaigns")
class CampaignController {

    private static final java.util.regex.Pattern KEY = java.util.regex.Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.:-]{0,199}");

    private static final Duration LONGEST_PERIOD = Duration.ofDays(366);

    private final Campaigns campaigns;

    CampaignController(Campaigns campaigns) {
        this.campaigns = campaigns;
    }

    /** @param channel and category narrow who is asked (optional) */
    record CampaignRequest(String name, Instant closedFrom, Instant closedTo, String channel, String category) {
    }

    @PostMapping
    Mono<ResponseEntity<Campaign>> start(Actor actor, @RequestBody CampaignRequest request,
            @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey) {
        actor.require(Role.SUPERVISOR, Role.ADMIN);
        Campaigns.NewCampaign campaign = validated(request);
        String id = idempotencyKey == null ? Campaigns.newId() : idFor(actor.id(), idempotencyKey);
        return RequestIds.correlationId().defaultIfEmpty(UUID.randomUUID().toString())
                .flatMap(corr -> campaigns.start(id, campaign, actor.id(), corr))
                .map(c -> ResponseEntity.created(URI.create("/api/surveys/campaigns/" + c.id())).body(c));
    }

    @GetMapping("/{id}")
    Mono<Campaign> one(Actor actor, @PathVariable String id) {
        actor.require(Role.AGENT, Role.SUPERVISOR, Role.ADMIN);
        return campaigns.find(id).switchIfEmpty(Mono.error(() -> ProblemException.notFound("campaign", id)));
    }

    @GetMapping
    Flux<Campaign> recent(Actor actor) {
        actor.require(Role.AGENT, Role.SUPERVISOR, Role.ADMIN);
        return campaigns.recent();
    }

    private static Campaigns.NewCampaign validated(CampaignRequest r) {
        if (r.name() == null || r.name().isBlank()) {
            throw ProblemException.badRequest("name", "is required");
        }
        if (r.name().length() > 100) {
            throw ProblemException.badRequest("name", "must be at most 100 characters");
        }
        if (r.closedFrom() == null) {
            throw ProblemException.badRequest("closedFrom", "is required");
        }
        if (r.closedTo() == null) {
            throw ProblemException.badRequest("closedTo", "is required");
        }
        if (!r.closedFrom().isBefore(r.closedTo())) {
            throw ProblemException.badRequest("closedTo", "must be after closedFrom");
        }
        if (Duration.between(r.closedFrom(), r.closedTo()).compareTo(LONGEST_PERIOD) > 0) {
            throw ProblemException.badRequest("closedTo", "a campaign covers at most 366 days");
        }
        Channel channel = r.channel() == null ? null : Arrays.stream(Channel.values())
                .filter(c -> c.name().equals(r.channel())).findFirst()
                .orElseThrow(() -> ProblemException.badRequest("channel", "must be one of "
                        + Arrays.toString(Channel.values())));
        if (r.category() != null && Arrays.stream(Category.values()).noneMatch(c -> c.name().equals(r.category()))) {
            throw ProblemException.badRequest("category", "must be one of " + Arrays.toString(Category.values()));
        }
        return new Campaigns.NewCampaign(r.name().strip(), r.closedFrom(), r.closedTo(), channel, r.category());
    }

    /** The same caller's same key names the same campaign, so a retried POST starts nothing new. */
    private static String idFor(String caller, String key) {
        // letters, digits and _.:- as every Sori service takes them: a key is an id, never a path or an operator
        if (!KEY.matcher(key).matches()) {
            throw ProblemException.badRequest("Idempotency-Key", "must be 1-200 letters, digits and _.:-");
        }
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256")
                    .digest((caller + "\n" + key).getBytes(StandardCharsets.UTF_8));
            return "cmp-" + HexFormat.of().formatHex(hash, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
