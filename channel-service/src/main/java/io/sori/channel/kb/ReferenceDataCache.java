package io.sori.channel.kb;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.sori.channel.bot.calculator.CashbackMerchants;
import io.sori.channel.bot.calculator.FxRates;
import io.sori.channel.bot.calculator.ReferenceData;
import io.sori.channel.bot.calculator.ReferenceKind;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * This instance's copy of the calculators' reference data (currency rates, cashback merchants),
 * read from kb-service through {@link KbClient}:
 * <ul>
 *   <li>at start, in the background (a failure is only logged: the app starts without it);</li>
 *   <li>on demand, when a customer asks for a calculator whose data is missing (bounded by the
 *       client's timeouts and breaker; concurrent requests share one load);</li>
 *   <li>when a {@code kb.ReferenceDataUpdated} event announces a version newer than the copy;</li>
 *   <li>every {@link KbProperties#referenceRefresh()}, as a safety net: instances of one consumer
 *       group see each event once between them, and a load after an event may have failed.</li>
 * </ul>
 * A copy is only ever replaced by one of the same or a newer version. The versions held are
 * gauged as {@code sori.bot.reference.version{kind}} (-1 while none is loaded).
 */
public class ReferenceDataCache implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ReferenceDataCache.class);

    private final KbClient kb;
    private final Duration refreshEvery;
    private final AtomicReference<FxRates> fxRates = new AtomicReference<>();
    private final AtomicReference<CashbackMerchants> merchants = new AtomicReference<>();
    /** The newest version announced by an event, per kind. */
    private final Map<ReferenceKind, AtomicInteger> announced = new EnumMap<>(ReferenceKind.class);
    private final Map<ReferenceKind, Mono<Boolean>> loading = new ConcurrentHashMap<>();
    private volatile Disposable refreshing;

    public ReferenceDataCache(KbClient kb, Duration refreshEvery, MeterRegistry meters) {
        this.kb = kb;
        this.refreshEvery = refreshEvery;
        for (ReferenceKind kind : ReferenceKind.values()) {
            announced.put(kind, new AtomicInteger(-1));
            Gauge.builder("sori.bot.reference.version", this, cache -> cache.version(kind).orElse(-1))
                    .description("Version of the chatbot's copy of kb-service reference data; -1 while none is loaded")
                    .tag("kind", kind.name())
                    .register(meters);
        }
    }

    /** What is held now; starts a background load of any kind an event says is outdated. */
    public ReferenceData current() {
        for (ReferenceKind kind : ReferenceKind.values()) {
            if (behind(kind) && !loading.containsKey(kind)) {
                load(kind).subscribe();
            }
        }
        return new ReferenceData(fxRates.get(), merchants.get(), false);
    }

    /** Loads one kind now; what is held afterwards, marked as a load having been tried. Never fails. */
    public Mono<ReferenceData> loadNow(ReferenceKind kind) {
        return load(kind).map(loaded -> current().afterLoadAttempt());
    }

    /**
     * An event said {@code version} of {@code kind} is published: load it unless held already.
     * Never fails: kb-service being away is no reason to retry or dead-letter the event; the
     * copy is reloaded on the next use or refresh.
     */
    public Mono<Void> announced(String kind, int version) {
        Optional<ReferenceKind> known = ReferenceKind.parse(kind);
        if (known.isEmpty()) {
            return Mono.empty();
        }
        announced.get(known.get()).accumulateAndGet(version, Math::max);
        if (version(known.get()).orElse(-1) >= version) {
            return Mono.empty();
        }
        return load(known.get()).then();
    }

    public Optional<Integer> version(ReferenceKind kind) {
        return switch (kind) {
            case FX_RATES -> Optional.ofNullable(fxRates.get()).map(FxRates::version);
            case CASHBACK_MERCHANTS -> Optional.ofNullable(merchants.get()).map(CashbackMerchants::version);
        };
    }

    private boolean behind(ReferenceKind kind) {
        return version(kind).orElse(-1) < announced.get(kind).get();
    }

    /** Emits true when the kind was loaded, false when the load failed; one load per kind at a time. */
    private Mono<Boolean> load(ReferenceKind kind) {
        return loading.computeIfAbsent(kind, k -> fetch(k)
                .doFinally(signal -> loading.remove(k))
                .cache());
    }

    private Mono<Boolean> fetch(ReferenceKind kind) {
        Mono<Boolean> fetched = switch (kind) {
            case FX_RATES -> kb.fxRates().map(rates -> {
                FxRates kept = fxRates.accumulateAndGet(rates, (old, fresh) -> newer(old, fresh, FxRates::version));
                log.info("currency rates: holding version {} ({} currencies)", kept.version(), kept.rates().size());
                return true;
            });
            case CASHBACK_MERCHANTS -> kb.cashbackMerchants().map(list -> {
                CashbackMerchants kept = merchants.accumulateAndGet(list,
                        (old, fresh) -> newer(old, fresh, CashbackMerchants::version));
                log.info("cashback merchants: holding version {} ({} merchants)", kept.version(), kept.merchants().size());
                return true;
            });
        };
        return fetched.onErrorResume(e -> {
            log.warn("could not load {} from kb-service: {}", kind, e.toString());
            return Mono.just(false);
        });
    }

    private static <T> T newer(T old, T fresh, java.util.function.ToIntFunction<T> version) {
        return old == null || version.applyAsInt(fresh) >= version.applyAsInt(old) ? fresh : old;
    }

    /** Loads both kinds now; at start and then every refresh period. */
    Mono<Void> refreshAll() {
        return Flux.fromArray(ReferenceKind.values()).concatMap(this::load).then();
    }

    @Override
    public void start() {
        refreshing = Flux.interval(Duration.ZERO, refreshEvery)
                .onBackpressureDrop()
                .concatMap(tick -> refreshAll(), 1)
                .subscribe();
    }

    @Override
    public void stop() {
        Disposable current = refreshing;
        refreshing = null;
        if (current != null) {
            current.dispose();
        }
    }

    @Override
    public boolean isRunning() {
        return refreshing != null;
    }
}
