package io.sori.kb.reference;

import io.sori.platform.security.Role;
import io.sori.platform.security.Actor;
import io.sori.kb.access.KbAccess;
import io.sori.platform.web.ProblemException;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.LinkedHashMap;
import java.util.List;
import org.springframework.http.HttpStatus;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * The chatbot calculators' reference data: {@code {kind, version, updatedAt, updatedBy, ...data}}.
 * Reading is for the chatbot; replacing is for administrators (the gateway's authentication
 * will restrict it to ADMIN).
 */
@RestController
@RequestMapping("/api/kb/reference-data")
class ReferenceDataController {

    private static final int MAX_RATES = 60;
    private static final int MAX_MERCHANTS = 2000;
    private static final String ADMIN = "[^\\p{Cntrl}]+";

    private final ReferenceDataService data;

    ReferenceDataController(ReferenceDataService data) {
        this.data = data;
    }

    /** @param version the version this replacement is based on (required: nobody overwrites what they have not seen) */
    record FxRatesUpdate(@Min(1) Integer version,
            @NotBlank @Size(max = 100) @Pattern(regexp = ADMIN, message = "must be a name") String updatedBy,
            @NotNull @Size(min = 1, max = MAX_RATES) List<@NotNull @Valid FxRate> rates) {
    }

    record MerchantsUpdate(@Min(1) Integer version,
            @NotBlank @Size(max = 100) @Pattern(regexp = ADMIN, message = "must be a name") String updatedBy,
            @NotNull @Size(min = 1, max = MAX_MERCHANTS) List<@NotNull @Valid CashbackMerchant> merchants) {
    }

    /** @param q for merchants: part of a name or a whole category ("커피", "스타커피") */
    @GetMapping("/{kind}")
    Mono<Map<String, Object>> get(@PathVariable String kind, @RequestParam(required = false) String q, Actor actor) {
        KbAccess.requireSignedIn(actor);
        ReferenceKind known = ReferenceKind.parse(kind)
                .orElseThrow(() -> ProblemException.notFound("reference data", kind.length() > 40 ? "of that kind" : kind));
        if (q != null && (q.isBlank() || q.length() > 60)) {
            throw ProblemException.badRequest("q", "must be 1 to 60 characters");
        }
        return data.get(known).map(found -> view(found, q));
    }

    @PutMapping("/FX_RATES")
    Mono<Map<String, Object>> replaceRates(@Valid @RequestBody FxRatesUpdate update, Actor actor) {
        actor.require(Role.ADMIN);
        List<String[]> problems = FxRate.problems(update.rates());
        if (!problems.isEmpty()) {
            throw ReferenceDataService.invalid(problems);
        }
        requireVersion(update.version(), ReferenceKind.FX_RATES);
        return data.replace(ReferenceKind.FX_RATES, update.version(), update.rates(), null, update.updatedBy())
                .map(saved -> view(saved, null));
    }

    @PutMapping("/CASHBACK_MERCHANTS")
    Mono<Map<String, Object>> replaceMerchants(@Valid @RequestBody MerchantsUpdate update, Actor actor) {
        actor.require(Role.ADMIN);
        List<String[]> problems = CashbackMerchant.problems(update.merchants());
        if (!problems.isEmpty()) {
            throw ReferenceDataService.invalid(problems);
        }
        requireVersion(update.version(), ReferenceKind.CASHBACK_MERCHANTS);
        return data.replace(ReferenceKind.CASHBACK_MERCHANTS, update.version(), null, update.merchants(),
                update.updatedBy()).map(saved -> view(saved, null));
    }

    /** A replacement must say which version it was based on: 428 Precondition Required without one. */
    private static void requireVersion(Integer version, ReferenceKind kind) {
        if (version == null) {
            String message = "is required: the version of " + kind + " this replacement is based on (GET it first)";
            throw new ProblemException(HttpStatus.PRECONDITION_REQUIRED, "version-required", "Version required",
                    "version: " + message).with("errors", List.of(new ProblemException.FieldProblem("version", message)));
        }
    }

    private static Map<String, Object> view(ReferenceData data, String q) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("kind", data.kind().name());
        view.put("version", data.version());
        view.put("updatedAt", data.updatedAt());
        view.put("updatedBy", data.updatedBy());
        switch (data.kind()) {
            case FX_RATES -> {
                view.put("quote", "KRW per unit");
                view.put("rates", data.rates());
            }
            case CASHBACK_MERCHANTS -> view.put("merchants",
                    q == null ? data.merchants() : data.merchants().stream().filter(m -> m.matches(q)).toList());
        }
        return view;
    }
}
