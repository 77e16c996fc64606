package io.sori.channel.kb;

import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.QueryStringDecoder;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;
import reactor.netty.http.server.HttpServerRequest;
import reactor.netty.http.server.HttpServerResponse;

/**
 * kb-service as channel-service sees it: a real HTTP server on a free loopback port serving the
 * JSON kb-service serves (its AnswerService.Answer and ReferenceDataController views). kb-service
 * is another service, an outside dependency for channel-service's tests. Questions steer it:
 * one containing "느린" is answered after 3 s, one containing "고장" gets a 503.
 */
final class FakeKbService implements AutoCloseable {

    static final String TRANSFER_LIMIT_ANSWER = "{\"articleId\":\"faq-transfer-limit\",\"title\":\"이체한도를 올리고 싶어요\","
            + "\"answer\":\"앱에서 **이체한도**를 바로 올릴 수 있어요.\\n\\n## 올리는 방법\\n- 전체 메뉴 → 이체한도 변경\\n\\n"
            + "| 구분 | 1회 | 1일 |\\n|---|---|---|\\n| 기본(가입 시) | 500만원 | 1,000만원 |\","
            + "\"confidence\":0.781,\"answered\":true,\"threshold\":0.35,"
            + "\"related\":[{\"articleId\":\"faq-limit-account\",\"title\":\"한도제한계좌를 풀고 싶어요\"}]}";
    static final String NOT_ANSWERED = "{\"articleId\":null,\"title\":null,\"answer\":null,\"confidence\":0.12,"
            + "\"answered\":false,\"threshold\":0.35,\"related\":[{\"articleId\":\"faq-investment\","
            + "\"title\":\"주식 계좌를 만들고 싶어요\"}]}";

    private final DisposableServer server;
    final AtomicInteger answerCalls = new AtomicInteger();
    final AtomicInteger fxCalls = new AtomicInteger();
    final AtomicReference<String> lastCorrelationId = new AtomicReference<>();
    final AtomicReference<String> lastAuthorization = new AtomicReference<>();
    final AtomicReference<String> fxRates = new AtomicReference<>(fxRates(1, "1390.50"));
    final AtomicReference<String> merchants = new AtomicReference<>(merchants(1));

    private FakeKbService() {
        server = HttpServer.create().host("127.0.0.1").port(0)
                .route(routes -> routes
                        .get("/api/kb/answer", this::answer)
                        .get("/api/kb/reference-data/FX_RATES", (request, response) -> {
                            fxCalls.incrementAndGet();
                            return json(response, fxRates.get());
                        })
                        .get("/api/kb/reference-data/CASHBACK_MERCHANTS",
                                (request, response) -> json(response, merchants.get())))
                .bindNow(Duration.ofSeconds(10));
    }

    static FakeKbService start() {
        return new FakeKbService();
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.port();
    }

    private org.reactivestreams.Publisher<Void> answer(HttpServerRequest request, HttpServerResponse response) {
        answerCalls.incrementAndGet();
        lastCorrelationId.set(request.requestHeaders().get("X-Correlation-Id"));
        lastAuthorization.set(request.requestHeaders().get("Authorization"));
        List<String> q = new QueryStringDecoder(request.uri()).parameters().getOrDefault("q", List.of(""));
        String question = q.get(0);
        if (question.contains("고장")) {
            return response.status(HttpResponseStatus.SERVICE_UNAVAILABLE)
                    .header("Content-Type", "application/problem+json")
                    .sendString(Mono.just("{\"type\":\"https://sori.io/problems/index-not-ready\",\"status\":503}"));
        }
        if (question.contains("느린")) {
            return response.header("Content-Type", "application/json")
                    .sendString(Mono.delay(Duration.ofSeconds(3)).thenReturn(TRANSFER_LIMIT_ANSWER));
        }
        return json(response, question.replace(" ", "").contains("이체한도") ? TRANSFER_LIMIT_ANSWER : NOT_ANSWERED);
    }

    private static org.reactivestreams.Publisher<Void> json(HttpServerResponse response, String body) {
        return response.header("Content-Type", "application/json").sendString(Mono.just(body));
    }

    /** The FX_RATES view with USD at {@code usdBase}; the other rates as kb-service's defaults. */
    static String fxRates(int version, String usdBase) {
        return "{\"kind\":\"FX_RATES\",\"version\":" + version + ",\"updatedAt\":\"2026-11-24T00:00:00Z\","
                + "\"updatedBy\":\"외환운영팀\",\"quote\":\"KRW per unit\",\"rates\":["
                + "{\"currency\":\"USD\",\"name\":\"미국 달러\",\"unit\":1,\"baseRate\":" + usdBase + ",\"cashBuy\":1414.83,"
                + "\"cashSell\":1366.17,\"send\":1404.41,\"receive\":1376.60},"
                + "{\"currency\":\"JPY\",\"name\":\"일본 엔\",\"unit\":100,\"baseRate\":935.20,\"cashBuy\":951.57,"
                + "\"cashSell\":918.83,\"send\":944.55,\"receive\":925.85}]}";
    }

    static String merchants(int version) {
        return "{\"kind\":\"CASHBACK_MERCHANTS\",\"version\":" + version + ",\"updatedAt\":\"2026-11-24T00:00:00Z\","
                + "\"updatedBy\":\"sori-defaults\",\"merchants\":["
                + "{\"name\":\"스타 커피\",\"category\":\"커피\",\"ratePercent\":10,\"note\":\"앱 주문 포함\"},"
                + "{\"name\":\"달빛다방\",\"category\":\"커피\",\"ratePercent\":10,\"note\":null}]}";
    }

    @Override
    public void close() {
        server.disposeNow(Duration.ofSeconds(5));
    }
}
