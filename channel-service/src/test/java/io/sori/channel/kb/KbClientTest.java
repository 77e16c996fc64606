package io.sori.channel.kb;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.netty.handler.timeout.ReadTimeoutException;
import io.sori.channel.bot.KbAnswer;
import io.sori.channel.bot.calculator.FxRates;
import java.math.BigDecimal;
import java.net.ConnectException;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;

class KbClientTest {

    @Test
    void shouldSendQuestionsKbServiceAccepts() {
        assertThat(KbClient.question("  이체\u0000한도\t알려줘 ")).isEqualTo("이체 한도 알려줘");
        assertThat(KbClient.question("가".repeat(600))).hasSize(KbClient.MAX_QUESTION);
        assertThat(KbClient.question(null)).isEmpty();
    }

    @Test
    void shouldReadAnAnswerOrItsRelatedArticles() {
        KbAnswer answered = KbClient.toAnswer(new KbResponses.Answer("faq-1", "제목", "본문", 0.8, true, null));
        assertThat(answered.status()).isEqualTo(KbAnswer.Status.ANSWERED);
        assertThat(answered.articleId()).isEqualTo("faq-1");

        KbAnswer none = KbClient.toAnswer(new KbResponses.Answer(null, null, null, 0.2, false,
                List.of(new KbResponses.Related("faq-2", "모임통장 만들기"))));
        assertThat(none.status()).isEqualTo(KbAnswer.Status.NOT_ANSWERED);
        assertThat(none.relatedTitles()).containsExactly("모임통장 만들기");

        // "answered" without an answer is no answer
        assertThat(KbClient.toAnswer(new KbResponses.Answer("faq-3", "t", " ", 0.9, true, List.of())).status())
                .isEqualTo(KbAnswer.Status.NOT_ANSWERED);
    }

    @Test
    void shouldReadRatesAndSkipUnusableOnes() {
        FxRates rates = KbClient.toRates(new KbResponses.FxRates("FX_RATES", 7, "2026-11-24T00:00:00Z", List.of(
                new KbResponses.Rate("USD", "미국 달러", 1, new BigDecimal("1390.50"), null, null, null, null),
                new KbResponses.Rate("XXX", "없는 통화", 1, null, null, null, null, null))));
        assertThat(rates.version()).isEqualTo(7);
        assertThat(rates.updatedAt()).isEqualTo(Instant.parse("2026-11-24T00:00:00Z"));
        assertThat(rates.rates()).hasSize(1);
        assertThat(rates.of("USD").orElseThrow().cashBuy()).isEqualByComparingTo("1390.50"); // missing rates fall back to base
    }

    @Test
    void shouldNameEachKindOfFailure() {
        CallNotPermittedException open = CallNotPermittedException.createCallNotPermittedException(CircuitBreaker.ofDefaults("t"));
        assertThat(KbClient.outcomeOf(open)).isEqualTo("circuit_open");
        assertThat(KbClient.outcomeOf(new TimeoutException("Did not observe any item"))).isEqualTo("timeout");
        assertThat(KbClient.outcomeOf(new RuntimeException(ReadTimeoutException.INSTANCE))).isEqualTo("timeout");
        assertThat(KbClient.outcomeOf(new RuntimeException(new ConnectException("Connection refused")))).isEqualTo("error");
    }
}
