package io.sori.kb.reference;

import io.sori.platform.outbox.OutboxRelay;
import io.sori.platform.web.ProblemException;
import io.sori.platform.web.RequestIds;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Reading and replacing the calculators' reference data; every replacement is announced. */
@Service
public class ReferenceDataService {

    private static final Logger log = LoggerFactory.getLogger(ReferenceDataService.class);
    static final String DEFAULTS = "kb/seed/reference-data.yml";

    private final ReactiveMongoTemplate mongo;
    private final ObjectProvider<OutboxRelay> relay;
    private final Clock clock;

    public ReferenceDataService(ReactiveMongoTemplate mongo, ObjectProvider<OutboxRelay> relay, Clock clock) {
        this.mongo = mongo;
        this.relay = relay;
        this.clock = clock;
    }

    public Mono<ReferenceData> get(ReferenceKind kind) {
        return mongo.findById(kind, ReferenceData.class)
                .switchIfEmpty(Mono.error(() -> ProblemException.notFound("reference data", kind.name())));
    }

    /**
     * Replaces one kind's data.
     *
     * @param expectedVersion the version the admin edited
     */
    public Mono<ReferenceData> replace(ReferenceKind kind, Integer expectedVersion, List<FxRate> rates,
            List<CashbackMerchant> merchants, String by) {
        return RequestIds.correlationId().map(Optional::of).defaultIfEmpty(Optional.empty())
                .flatMap(correlationId -> get(kind).flatMap(current -> {
                    if (expectedVersion == null || expectedVersion != current.version()) {
                        return Mono.error(ProblemException.conflict("stale-version", kind + " is at version "
                                + current.version() + ", not " + expectedVersion + "; reload it and try again"));
                    }
                    current.replace(rates, merchants, by, correlationId.orElse(null), clock.instant());
                    return mongo.save(current);
                }))
                .onErrorMap(OptimisticLockingFailureException.class, e -> ProblemException.conflict("stale-version",
                        kind + " was changed by someone else meanwhile; reload it and try again"))
                .doOnSuccess(saved -> {
                    relay.ifAvailable(OutboxRelay::wakeUp);
                    log.info("{} replaced by {}: version {}", kind, by, saved.version());
                });
    }

    /** Inserts the defaults of every kind that has no data yet; returns how many were inserted. */
    Mono<Long> seedDefaults() {
        Map<String, Object> defaults = defaults();
        List<ReferenceData> initial = List.of(
                ReferenceData.initial(ReferenceKind.FX_RATES, fxRates(defaults), null, "sori-defaults", clock.instant()),
                ReferenceData.initial(ReferenceKind.CASHBACK_MERCHANTS, null, merchants(defaults), "sori-defaults",
                        clock.instant()));
        return Flux.fromIterable(initial)
                .concatMap(data -> mongo.insert(data).thenReturn(1L)
                        .onErrorResume(DuplicateKeyException.class, alreadyThere -> Mono.just(0L)))
                .reduce(0L, Long::sum)
                .doOnSuccess(inserted -> {
                    if (inserted > 0) {
                        relay.ifAvailable(OutboxRelay::wakeUp);
                    }
                });
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> defaults() {
        try (var in = ReferenceDataService.class.getClassLoader().getResourceAsStream(DEFAULTS)) {
            if (in == null) {
                throw new IllegalStateException("missing classpath resource " + DEFAULTS);
            }
            return (Map<String, Object>) new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @SuppressWarnings("unchecked")
    static List<FxRate> fxRates(Map<String, Object> defaults) {
        List<FxRate> rates = new ArrayList<>();
        for (Map<String, Object> r : (List<Map<String, Object>>) defaults.get("fxRates")) {
            rates.add(new FxRate((String) r.get("currency"), (String) r.get("name"), ((Number) r.get("unit")).intValue(),
                    decimal(r.get("baseRate")), decimal(r.get("cashBuy")), decimal(r.get("cashSell")),
                    decimal(r.get("send")), decimal(r.get("receive"))));
        }
        return rates;
    }

    @SuppressWarnings("unchecked")
    static List<CashbackMerchant> merchants(Map<String, Object> defaults) {
        List<CashbackMerchant> merchants = new ArrayList<>();
        for (Map<String, Object> m : (List<Map<String, Object>>) defaults.get("cashbackMerchants")) {
            merchants.add(new CashbackMerchant((String) m.get("name"), (String) m.get("category"),
                    decimal(m.get("ratePercent")), (String) m.get("note")));
        }
        return merchants;
    }

    private static BigDecimal decimal(Object value) {
        return new BigDecimal(String.valueOf(value));
    }

    static ProblemException invalid(List<String[]> problems) {
        List<ProblemException.FieldProblem> errors = problems.stream()
                .map(p -> new ProblemException.FieldProblem(p[0], p[1])).toList();
        String detail = errors.stream().map(e -> e.field() + ": " + e.message()).reduce((a, b) -> a + "; " + b)
                .orElse("the request is invalid");
        return new ProblemException(HttpStatus.BAD_REQUEST, "validation", "Invalid request", detail)
                .with("errors", errors);
    }
}
