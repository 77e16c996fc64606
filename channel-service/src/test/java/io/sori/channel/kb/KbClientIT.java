package io.sori.channel.kb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.sori.channel.bot.BotReply;
import io.sori.channel.bot.BotState;
import io.sori.channel.bot.KbAnswer;
import io.sori.channel.bot.calculator.ReferenceKind;
import io.sori.channel.bot.service.BotProperties;
import io.sori.channel.bot.service.ChatbotService;
import io.sori.events.EventEnvelope;
import io.sori.events.channel.Channel;
import io.sori.events.kb.ReferenceDataUpdated;
import io.sori.platform.web.RequestIds;
import io.sori.testsupport.Callers;
import io.sori.platform.security.Actor;
import io.sori.platform.security.Role;
import io.sori.platform.security.TokenVerifier;
import io.sori.testsupport.SoriIntegrationTest;
import io.sori.testsupport.TopicProbe;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The chatbot's calls to kb-service over real HTTP (a server on a free port standing in for
 * kb-service, an outside dependency here) and its reference-data refresh over the test JVM's real
 * Kafka broker.
 *
 * <p>This context runs in a consumer group of its own: another test class's context of this
 * module may be alive in the same JVM with the same listener, and in one group the two would
 * split the partitions of {@code sori.kb.v1} between them.
 */
@SoriIntegrationTest
class KbClientIT {

    static final FakeKbService KB = FakeKbService.start();

    @DynamicPropertySource
    static void pointAtTheFakeKb(DynamicPropertyRegistry registry) {
        registry.add("sori.channel.kb.base-url", KB::baseUrl);
        registry.add("spring.application.name", () -> "channel-service-kb-it");
    }

    @AfterAll
    static void stopTheFakeKb() {
        KB.close();
    }

    @Autowired
    ChatbotService chatbot;

    @Autowired
    KbClient kb;

    @Autowired
    ReferenceDataCache cache;

    @Autowired
    MeterRegistry meters;

    @Autowired
    WebTestClient http;

    @Autowired
    org.springframework.kafka.listener.ConcurrentMessageListenerContainer<String, String> soriEventListenerContainer;

    private static KbProperties properties(String baseUrl, Duration timeout, int minimumCalls) {
        return new KbProperties(baseUrl, timeout, timeout, Duration.ofHours(1),
                new KbProperties.CircuitBreaker(50, minimumCalls, minimumCalls, Duration.ofMinutes(5), 1));
    }

    /** A chatbot wired like the service's, around a client of the test's choosing. */
    private static ChatbotService chatbotWith(KbClient client, MeterRegistry registry) {
        return new ChatbotService(client, new ReferenceDataCache(client, Duration.ofHours(1), registry),
                new BotProperties(2), Clock.systemUTC(), registry);
    }

    private static double calls(MeterRegistry registry, String operation, String outcome) {
        var timer = registry.find("sori.bot.kb.calls").tag("operation", operation).tag("outcome", outcome).timer();
        return timer == null ? 0 : timer.count();
    }

    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    @Autowired
    TokenVerifier tokens;

    @Test
    void shouldAnswerFromTheFaqOverHttp() {
        double before = calls(meters, "answer", "ok");
        BotReply reply = chatbot.reply(BotState.fresh(), Channel.CHAT, "이체 한도를 올리고 싶어요")
                .contextWrite(RequestIds.context("req-kb-1", "corr-kb-1"))
                .block(Duration.ofSeconds(5));

        assertThat(reply.from()).isEqualTo("BOT");
        assertThat(reply.articleId()).isEqualTo("faq-transfer-limit");
        assertThat(reply.text()).isEqualTo("앱에서 이체한도를 바로 올릴 수 있어요.\n\n올리는 방법\n• 전체 메뉴 → 이체한도 변경\n\n"
                + "• 기본(가입 시): 1회 500만원, 1일 1,000만원");
        assertThat(reply.text()).as("no Markdown reaches the customer").doesNotContain("|", "**", "##");
        assertThat(reply.handoff()).isFalse();
        assertThat(reply.categoryHint()).isEqualTo("TRANSFER_LIMIT");
        assertThat(calls(meters, "answer", "ok")).isEqualTo(before + 1);
        assertThat(KB.lastCorrelationId.get()).as("the contact's correlation id travels to kb-service").isEqualTo("corr-kb-1");
        Actor caller = tokens.verify(KB.lastAuthorization.get().substring("Bearer ".length())).block();
        assertThat(caller.id()).as("channel-service calls with its own token").startsWith("channel-service");
        assertThat(caller.roles()).containsExactly(Role.SERVICE);

        KbAnswer unanswered = kb.answer("비트코인 사는 방법").block(Duration.ofSeconds(5));
        assertThat(unanswered.status()).isEqualTo(KbAnswer.Status.NOT_ANSWERED);
        assertThat(unanswered.confidence()).isEqualTo(0.12);
        assertThat(unanswered.relatedTitles()).containsExactly("주식 계좌를 만들고 싶어요");

        // the same answer through the chat endpoint, as the customer sees it
        Map<?, ?> chat = http.post().uri("/api/channels/chat/messages").headers(Callers.channel("app-backend"))
                .bodyValue(Map.of("customerId", "cust-kb-" + UUID.randomUUID(), "text", "이체 한도를 올리고 싶어요"))
                .exchange()
                .expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody();
        String chatText = (String) ((Map<?, ?>) chat.get("reply")).get("text");
        assertThat(chatText).as("the chat reply").contains("• 기본(가입 시): 1회 500만원, 1일 1,000만원")
                .doesNotContain("|", "**");
    }

    @Test
    void shouldHandOffWhenKbIsTooSlow() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        KbClient client = KbClient.create(properties(KB.baseUrl(), Duration.ofMillis(300), 5), registry);

        long started = System.nanoTime();
        BotReply reply = chatbotWith(client, registry).reply(BotState.fresh(), Channel.TALK, "느린 답변을 주는 질문이에요")
                .block(Duration.ofSeconds(5));
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        assertThat(reply.handoff()).isTrue();
        assertThat(reply.handoffReason()).isEqualTo("BOT_UNAVAILABLE");
        assertThat(reply.from()).isEqualTo("SYSTEM");
        assertThat(took).isGreaterThanOrEqualTo(Duration.ofMillis(250)).isLessThan(Duration.ofSeconds(2));
        assertThat(calls(registry, "answer", "timeout")).isEqualTo(1);
        assertThat(registry.find("sori.bot.handoffs").tag("reason", "BOT_UNAVAILABLE").counter().count()).isEqualTo(1);
    }

    @Test
    void shouldHandOffFastWhenKbIsDown() throws IOException {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        KbClient client = KbClient.create(properties("http://127.0.0.1:" + closedPort(), Duration.ofMillis(800), 5),
                registry);

        long started = System.nanoTime();
        BotReply reply = chatbotWith(client, registry).reply(BotState.fresh(), Channel.CHAT, "모임통장 만드는 방법")
                .block(Duration.ofSeconds(5));
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        assertThat(reply.handoff()).isTrue();
        assertThat(reply.handoffReason()).isEqualTo("BOT_UNAVAILABLE");
        assertThat(reply.text()).contains("상담사에게 연결해 드릴게요");
        assertThat(reply.next()).isEqualTo(new BotState(0, true));
        assertThat(took).isLessThan(Duration.ofSeconds(2));
        assertThat(calls(registry, "answer", "error")).isEqualTo(1);
    }

    @Test
    void shouldOpenTheCircuitAfterRepeatedFailuresAndStopCallingKb() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        KbClient client = KbClient.create(properties(KB.baseUrl(), Duration.ofMillis(800), 3), registry);

        for (int i = 0; i < 3; i++) {
            assertThat(client.answer("고장 난 질문 " + i).block(Duration.ofSeconds(5)).status())
                    .isEqualTo(KbAnswer.Status.UNAVAILABLE);
        }
        assertThat(client.circuitBreaker().getState()).isEqualTo(CircuitBreaker.State.OPEN);
        assertThat(calls(registry, "answer", "error")).isEqualTo(3);

        int reachedKb = KB.answerCalls.get();
        long started = System.nanoTime();
        KbAnswer skipped = client.answer("이체 한도를 올리고 싶어요").block(Duration.ofSeconds(5));
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        assertThat(skipped.status()).isEqualTo(KbAnswer.Status.UNAVAILABLE);
        assertThat(KB.answerCalls.get()).as("no request reaches kb-service while the circuit is open").isEqualTo(reachedKb);
        assertThat(took).isLessThan(Duration.ofMillis(500));
        assertThat(calls(registry, "answer", "circuit_open")).isEqualTo(1);
    }

    @Test
    void shouldRefreshTheCachedRatesWhenReferenceDataUpdatedArrivesOverKafka() {
        assertThat(soriEventListenerContainer.getContainerProperties().getGroupId()).isEqualTo("channel-service-kb-it");
        // loaded at start, through the same client
        await().atMost(Duration.ofSeconds(20)).until(() -> cache.version(ReferenceKind.FX_RATES).orElse(-1) >= 1);
        int before = cache.version(ReferenceKind.FX_RATES).orElseThrow();
        BotReply old = chatbot.reply(BotState.fresh(), Channel.CHAT, "100달러 원화로 얼마").block(Duration.ofSeconds(5));
        assertThat(old.text()).contains("139,050원"); // 100 × 1,390.50

        int next = before + 1;
        KB.fxRates.set(FakeKbService.fxRates(next, "1400.00"));
        TopicProbe.send(EventEnvelope.of(new ReferenceDataUpdated("FX_RATES", next), "corr-fx-" + next, Instant.now()));

        await().atMost(Duration.ofSeconds(30)).until(() -> cache.version(ReferenceKind.FX_RATES).orElse(-1) == next);
        BotReply fresh = chatbot.reply(BotState.fresh(), Channel.CHAT, "100달러 원화로 얼마").block(Duration.ofSeconds(5));
        assertThat(fresh.text()).contains("매매기준율(1달러 = 1,400.00원)로 140,000원이에요"); // 100 × 1,400.00

        // an older announcement changes nothing and fetches nothing
        int fetches = KB.fxCalls.get();
        cache.announced("FX_RATES", before).block(Duration.ofSeconds(5));
        assertThat(cache.version(ReferenceKind.FX_RATES)).contains(next);
        assertThat(KB.fxCalls.get()).isEqualTo(fetches);
    }

    @Test
    void shouldLookUpCashbackFromTheLoadedMerchants() {
        BotReply reply = chatbot.reply(BotState.fresh(), Channel.TALK, "스타 커피 캐시백 돼?").block(Duration.ofSeconds(5));
        assertThat(reply.from()).isEqualTo("BOT");
        assertThat(reply.text()).isEqualTo("스타 커피는 캐시백 가맹점이에요. 체크카드로 결제하면 10% 캐시백을 받아요 (앱 주문 포함).");
    }

    @Test
    void shouldExposeTheBotMetricsAndTheBreakerToPrometheus() {
        chatbot.reply(BotState.fresh(), Channel.CHAT, "상담원 연결해 주세요").block(Duration.ofSeconds(5));

        String scrape = http.mutate().codecs(codecs -> codecs.defaultCodecs().maxInMemorySize(16 * 1024 * 1024)).build()
                .get().uri("/actuator/prometheus").headers(Callers.admin("ops-prometheus"))
                .exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(scrape).contains("sori_bot_turns_total{", "outcome=\"handoff\"", "sori_bot_handoffs_total{",
                "reason=\"ASKED\"", "sori_bot_kb_calls_seconds_count{", "sori_bot_reference_version{",
                "resilience4j_circuitbreaker_state{");
    }
}
