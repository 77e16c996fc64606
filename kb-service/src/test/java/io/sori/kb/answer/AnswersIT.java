package io.sori.kb.answer;

import static org.assertj.core.api.Assertions.assertThat;

import io.sori.testsupport.SoriIntegrationTest;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import io.sori.testsupport.Callers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/** The chatbot's answers and the FAQ gaps they leave, over HTTP and the real store. */
@SoriIntegrationTest
class AnswersIT {

    @Autowired
    WebTestClient http;

    /** The caller of every request below unless a test says otherwise. */
    @BeforeEach
    void signIn() {
        http = http.mutate().defaultHeaders(Callers.admin("kb-admin")).build();
    }

    private Map<String, Object> answer(String q) {
        return http.get().uri("/api/kb/answer?q={q}", q).exchange()
                .expectStatus().isOk()
                .expectBody(new ParameterizedTypeReference<Map<String, Object>>() { })
                .returnResult().getResponseBody();
    }

    @Test
    void shouldAnswerFromThePublicFaqWithConfidence() {
        Map<String, Object> answer = answer("체크카드를 잃어버렸어요 어떻게 해야 하나요?");

        assertThat(answer).containsEntry("answered", true).containsEntry("articleId", "faq-card-lost");
        assertThat((Double) answer.get("confidence")).isBetween(AnswerConfidence.ANSWER_THRESHOLD, 1.0);
        assertThat((String) answer.get("answer")).contains("1500-7071");
        assertThat((List<?>) answer.get("related")).isNotEmpty();
    }

    @Test
    void shouldNeverAnswerFromTheAgentsKms() {
        Map<String, Object> answer = answer("폭언 고객 상담 종료 절차");

        assertThat((String) answer.get("articleId")).satisfiesAnyOf(id -> assertThat(id).isNull(),
                id -> assertThat(id).startsWith("faq-"));
    }

    @Test
    void shouldSayItDoesNotKnowAndRecordTheGap() {
        String question = "비트코인 " + UUID.randomUUID().toString().substring(0, 8) + " 사는 방법 알려주세요";

        Map<String, Object> first = answer(question);
        answer(question + "?");
        answer("  " + question + "  ");

        assertThat(first).containsEntry("answered", false).containsEntry("articleId", null);
        assertThat((Double) first.get("confidence")).isLessThan(AnswerConfidence.ANSWER_THRESHOLD);

        Map<String, Object> gaps = http.get().uri("/api/kb/gaps?limit=100").exchange()
                .expectStatus().isOk()
                .expectBody(new ParameterizedTypeReference<Map<String, Object>>() { })
                .returnResult().getResponseBody();
        assertThat(gaps).containsEntry("zone", "Asia/Seoul").containsKeys("from", "to");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> items = (List<Map<String, Object>>) gaps.get("items");
        assertThat(items).filteredOn(gap -> QuestionText.normalise(question).equals(gap.get("question")))
                .singleElement()
                .satisfies(gap -> {
                    assertThat(gap).containsEntry("count", 3).containsEntry("unanswered", 3).containsEntry("days", 1);
                    assertThat(gap.get("lastAskedAt")).isNotNull();
                });
    }

    @Test
    void shouldListTheMostFrequentGapsFirst() {
        String often = "골드바 " + UUID.randomUUID().toString().substring(0, 6) + " 사고 싶어요";
        String rarely = "골드바 " + UUID.randomUUID().toString().substring(0, 6) + " 팔고 싶어요";
        for (int i = 0; i < 4; i++) {
            answer(often);
        }
        answer(rarely);

        List<Map<String, Object>> items = gapItems("/api/kb/gaps?limit=100");
        List<Object> questions = items.stream().map(gap -> gap.get("question")).toList();
        assertThat(questions).contains(QuestionText.normalise(often), QuestionText.normalise(rarely));
        assertThat(questions.indexOf(QuestionText.normalise(often)))
                .isLessThan(questions.indexOf(QuestionText.normalise(rarely)));
        assertThat(items).isSortedAccordingTo((a, b) -> Long.compare(((Number) b.get("count")).longValue(),
                ((Number) a.get("count")).longValue()));
    }

    @Test
    void shouldTakeThePeriodAsDatesOrInstants() {
        String question = "청약 " + UUID.randomUUID().toString().substring(0, 6) + " 조건";
        answer(question);
        String today = java.time.LocalDate.now(QuestionGaps.SEOUL).toString();

        assertThat(gapItems("/api/kb/gaps?from=" + today + "&to=" + today + "&limit=100"))
                .anyMatch(gap -> QuestionText.normalise(question).equals(gap.get("question")));
        assertThat(gapItems("/api/kb/gaps?from=2020-01-01T00:00:00Z&to=2020-01-31T00:00:00Z")).isEmpty();
    }

    @Test
    void shouldAnswerBadQuestionsAndPeriodsWithProblemsNamingTheField() {
        expectFieldProblem(http.get().uri("/api/kb/answer").exchange(), "q");
        expectFieldProblem(http.get().uri("/api/kb/answer?q={q}", "").exchange(), "q");
        expectFieldProblem(http.get().uri("/api/kb/answer?q={q}", "카드 분실 ".repeat(1750)).exchange(), "q");
        expectFieldProblem(http.get().uri("/api/kb/gaps?from=yesterday").exchange(), "from");
        expectFieldProblem(http.get().uri("/api/kb/gaps?to=2026-13-45").exchange(), "to");
        expectFieldProblem(http.get().uri("/api/kb/gaps?from=2026-11-24&to=2026-11-01").exchange(), "from");
        expectFieldProblem(http.get().uri("/api/kb/gaps?from=2020-01-01&to=2026-01-01").exchange(), "to");
        expectFieldProblem(http.get().uri("/api/kb/gaps?limit=0").exchange(), "limit");
        expectFieldProblem(http.get().uri("/api/kb/gaps?limit=lots").exchange(), "limit");
    }

    private List<Map<String, Object>> gapItems(String uri) {
        Map<String, Object> report = http.get().uri(uri).exchange()
                .expectStatus().isOk()
                .expectBody(new ParameterizedTypeReference<Map<String, Object>>() { })
                .returnResult().getResponseBody();
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> items = (List<Map<String, Object>>) report.get("items");
        return items;
    }

    private static void expectFieldProblem(WebTestClient.ResponseSpec response, String field) {
        response.expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.errors[0].field").isEqualTo(field);
    }
}
