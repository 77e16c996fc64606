package io.sori.channel.kb;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.reactor.circuitbreaker.operator.CircuitBreakerOperator;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.netty.channel.ChannelOption;
import io.sori.channel.bot.KbAnswer;
import io.sori.channel.bot.calculator.CashbackMerchant;
import io.sori.channel.bot.calculator.CashbackMerchants;
import io.sori.channel.bot.calculator.FxRate;
import io.sori.channel.bot.calculator.FxRates;
import io.sori.platform.web.RequestIds;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.web.reactive.function.client.ClientRequest;
import org.springframework.web.reactive.function.client.ExchangeFilterFunction;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.client.WebClientResponseException;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;

/**
 * The chatbot's calls to kb-service: FAQ answers and the calculators' reference data. A
 * customer waits for these, so each call is cut off after the connect and response timeouts and
 * runs through one circuit breaker; when kb-service is slow, down or failing, the breaker opens
 * and calls fail at once instead of making every customer wait.
 *
 * <p>Answers come back as plain chat text ({@link ChatText}): no table pipes or emphasis marks
 * reach the customer, whatever channel shows them.
 *
 * <p>{@link #answer} never fails: whatever goes wrong becomes {@link KbAnswer#unavailable()},
 * which the dialogue turns into a handoff to a person. The reference-data calls do fail (the
 * cache keeps what it had).
 *
 * <p>Every call is timed as {@code sori.bot.kb.calls} with {@code operation} (answer, fx_rates,
 * cashback_merchants) and {@code outcome} (ok, timeout, error, circuit_open).
 */
public class KbClient {

    private static final Logger log = LoggerFactory.getLogger(KbClient.class);
    /** kb-service refuses longer questions (its {@code max-query-length}). */
    static final int MAX_QUESTION = 500;
    private static final int MAX_BODY = 4 * 1024 * 1024;

    private final WebClient web;
    private final CircuitBreaker breaker;
    private final MeterRegistry meters;
    private final KbProperties properties;

    public KbClient(KbProperties properties, CircuitBreaker breaker, MeterRegistry meters) {
        this(properties, breaker, meters, (request, next) -> next.exchange(request));
    }

    /** @param credentials proves who is calling: this service's own token (kb-service checks every caller) */
    public KbClient(KbProperties properties, CircuitBreaker breaker, MeterRegistry meters,
            ExchangeFilterFunction credentials) {
        this.properties = Objects.requireNonNull(properties, "properties");
        this.breaker = Objects.requireNonNull(breaker, "breaker");
        this.meters = Objects.requireNonNull(meters, "meters");
        HttpClient http = HttpClient.create()
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) properties.connectTimeout().toMillis())
                .responseTimeout(properties.responseTimeout());
        this.web = WebClient.builder()
                .baseUrl(properties.baseUrl())
                .clientConnector(new ReactorClientHttpConnector(http))
                // a full merchant list (kb-service accepts up to 2,000) is larger than the 256 KB default
                .codecs(codecs -> codecs.defaultCodecs().maxInMemorySize(MAX_BODY))
                // the customer's contact can be followed into kb-service's logs
                .filter((request, next) -> RequestIds.correlationId()
                        .map(id -> ClientRequest.from(request).header(RequestIds.CORRELATION_ID_HEADER, id).build())
                        .defaultIfEmpty(request)
                        .flatMap(next::exchange))
                .filter(credentials)
                .build();
    }

    /** A client with a breaker of its own, configured from the properties. */
    public static KbClient create(KbProperties properties, MeterRegistry meters) {
        return new KbClient(properties, CircuitBreaker.of("kb", breakerConfig(properties.circuitBreaker())), meters);
    }

    /** The breaker's settings; a client error (4xx) says nothing about kb-service's health and is not counted. */
    public static CircuitBreakerConfig breakerConfig(KbProperties.CircuitBreaker settings) {
        return CircuitBreakerConfig.custom()
                .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                .slidingWindowSize(settings.slidingWindowSize())
                .minimumNumberOfCalls(settings.minimumNumberOfCalls())
                .failureRateThreshold(settings.failureRateThreshold())
                .waitDurationInOpenState(settings.waitInOpenState())
                .permittedNumberOfCallsInHalfOpenState(settings.permittedCallsInHalfOpen())
                .ignoreException(e -> e instanceof WebClientResponseException w && w.getStatusCode().is4xxClientError())
                .build();
    }

    public CircuitBreaker circuitBreaker() {
        return breaker;
    }

    /** The FAQ's answer to a question; never an error (see the class comment). */
    public Mono<KbAnswer> answer(String question) {
        String q = question(question);
        if (q.isEmpty()) {
            return Mono.just(KbAnswer.notAnswered(0, List.of()));
        }
        Mono<KbAnswer> call = web.get()
                .uri(uri -> uri.path("/api/kb/answer").queryParam("q", "{q}").build(q))
                .retrieve()
                .bodyToMono(KbResponses.Answer.class)
                .map(KbClient::toAnswer);
        return guarded("answer", call)
                .onErrorResume(e -> Mono.just(KbAnswer.unavailable()));
    }

    /** The published currency rates; fails when kb-service cannot give them. */
    public Mono<FxRates> fxRates() {
        Mono<FxRates> call = web.get().uri("/api/kb/reference-data/FX_RATES")
                .retrieve()
                .bodyToMono(KbResponses.FxRates.class)
                .map(KbClient::toRates);
        return guarded("fx_rates", call);
    }

    /** The cashback merchants; fails when kb-service cannot give them. */
    public Mono<CashbackMerchants> cashbackMerchants() {
        Mono<CashbackMerchants> call = web.get().uri("/api/kb/reference-data/CASHBACK_MERCHANTS")
                .retrieve()
                .bodyToMono(KbResponses.Merchants.class)
                .map(KbClient::toMerchants);
        return guarded("cashback_merchants", call);
    }

    /** Timeout inside the breaker (so slow calls count as failures), metrics outside it. */
    private <T> Mono<T> guarded(String operation, Mono<T> call) {
        Mono<T> protectedCall = call.timeout(properties.callTimeout())
                .transformDeferred(CircuitBreakerOperator.of(breaker));
        return Mono.defer(() -> {
            long started = System.nanoTime();
            return protectedCall
                    .doOnSuccess(value -> record(operation, "ok", started))
                    .doOnError(e -> {
                        String outcome = outcomeOf(e);
                        record(operation, outcome, started);
                        if ("circuit_open".equals(outcome)) {
                            log.debug("kb-service {} skipped: circuit open", operation);
                        } else {
                            log.warn("kb-service {} failed ({}): {}", operation, outcome, e.toString());
                        }
                    });
        });
    }

    private void record(String operation, String outcome, long started) {
        Timer.builder("sori.bot.kb.calls")
                .description("The chatbot's calls to kb-service, by operation and outcome")
                .tag("operation", operation)
                .tag("outcome", outcome)
                .register(meters)
                .record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
    }

    static String outcomeOf(Throwable error) {
        if (error instanceof CallNotPermittedException) {
            return "circuit_open";
        }
        for (Throwable e = error; e != null; e = e.getCause() == e ? null : e.getCause()) {
            if (e instanceof TimeoutException || e instanceof io.netty.handler.timeout.TimeoutException
                    || e instanceof io.netty.channel.ConnectTimeoutException) {
                return "timeout";
            }
        }
        return "error";
    }

    /** The question as kb-service accepts it: no control characters, at most 500 characters. */
    static String question(String text) {
        if (text == null) {
            return "";
        }
        String cleaned = text.codePoints()
                .map(cp -> Character.isISOControl(cp) ? ' ' : cp)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
                .toString().strip();
        if (cleaned.codePointCount(0, cleaned.length()) > MAX_QUESTION) {
            cleaned = cleaned.substring(0, cleaned.offsetByCodePoints(0, MAX_QUESTION)).strip();
        }
        return cleaned;
    }

    static KbAnswer toAnswer(KbResponses.Answer response) {
        double confidence = response.confidence() == null ? 0 : response.confidence();
        if (Boolean.TRUE.equals(response.answered()) && response.answer() != null && !response.answer().isBlank()) {
            // the article is Markdown; the customer reads a chat bubble
            return KbAnswer.answered(response.articleId(), response.title(), ChatText.fromMarkdown(response.answer()),
                    confidence);
        }
        List<String> related = response.related() == null ? List.of() : response.related().stream()
                .map(KbResponses.Related::title).filter(Objects::nonNull).toList();
        return KbAnswer.notAnswered(confidence, related);
    }

    static FxRates toRates(KbResponses.FxRates response) {
        List<FxRate> rates = response.rates() == null ? List.of() : response.rates().stream()
                .filter(r -> r.currency() != null && r.baseRate() != null && r.baseRate().signum() > 0)
                .map(r -> new FxRate(r.currency(), r.name(), r.unit() == null || r.unit() <= 0 ? 1 : r.unit(),
                        r.baseRate(), r.cashBuy(), r.cashSell(), r.send(), r.receive()))
                .toList();
        return new FxRates(response.version() == null ? 0 : response.version(), instant(response.updatedAt()), rates);
    }

    static CashbackMerchants toMerchants(KbResponses.Merchants response) {
        List<CashbackMerchant> merchants = response.merchants() == null ? List.of() : response.merchants().stream()
                .filter(m -> m.name() != null && m.ratePercent() != null)
                .map(m -> new CashbackMerchant(m.name(), m.category(), m.ratePercent(), m.note()))
                .toList();
        return new CashbackMerchants(response.version() == null ? 0 : response.version(), merchants);
    }

    private static Instant instant(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(text);
        } catch (DateTimeException notAnInstant) {
            return null;
        }
    }
}
