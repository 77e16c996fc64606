package io.sori.ticket.lifecycle;

import static io.sori.events.ticket.TicketStage.CLOSED;
import static io.sori.events.ticket.TicketStage.IN_REVIEW;
import static io.sori.events.ticket.TicketStage.RECEIVED;
import static io.sori.events.ticket.TicketStage.RESOLVED;
import static io.sori.events.ticket.TicketStage.SOLUTION_PROPOSED;
import static io.sori.events.ticket.TicketStage.WAITING_ON_CUSTOMER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sori.events.ticket.TicketStage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LifecycleTest {

    @ParameterizedTest
    @CsvSource({
            "RECEIVED, IN_REVIEW",
            "IN_REVIEW, SOLUTION_PROPOSED",
            "IN_REVIEW, WAITING_ON_CUSTOMER",
            "SOLUTION_PROPOSED, WAITING_ON_CUSTOMER",
            "WAITING_ON_CUSTOMER, IN_REVIEW",
            "WAITING_ON_CUSTOMER, SOLUTION_PROPOSED",
            "SOLUTION_PROPOSED, IN_REVIEW",
            "SOLUTION_PROPOSED, RESOLVED",
            "RESOLVED, CLOSED",
            "RESOLVED, IN_REVIEW"})
    void shouldAllowTheStepsOfThePublishedProcess(TicketStage from, TicketStage to) {
        assertThatCode(() -> Lifecycle.check(from, to)).doesNotThrowAnyException();
    }

    @ParameterizedTest
    @CsvSource({
            "RECEIVED, RESOLVED",
            "RECEIVED, WAITING_ON_CUSTOMER",
            "IN_REVIEW, RESOLVED",
            "RECEIVED, CLOSED",
            "CLOSED, IN_REVIEW",
            "RESOLVED, WAITING_ON_CUSTOMER",
            "IN_REVIEW, IN_REVIEW"})
    void shouldRefuseStepsOutsideTheProcessNamingTheAllowedOnes(TicketStage from, TicketStage to) {
        assertThatThrownBy(() -> Lifecycle.check(from, to))
                .isInstanceOfSatisfying(IllegalTransitionException.class, e -> {
                    assertThat(e.from()).isEqualTo(from);
                    assertThat(e.allowed()).isEqualTo(Lifecycle.allowedFrom(from));
                    assertThat(e.allowed()).doesNotContain(to);
                });
    }

    @Test
    void shouldMakeClosedFinalAndOnlyResolvedToReviewAReopen() {
        assertThat(Lifecycle.allowedFrom(CLOSED)).isEmpty();
        assertThat(Lifecycle.isReopen(RESOLVED, IN_REVIEW)).isTrue();
        assertThat(Lifecycle.isReopen(SOLUTION_PROPOSED, IN_REVIEW)).isFalse();
        assertThat(Lifecycle.isOpen(WAITING_ON_CUSTOMER)).isTrue();
        assertThat(Lifecycle.isOpen(RESOLVED)).isFalse();
    }

    @Test
    void shouldShowTheCustomerStageKOfFourWithTheKoreanLabel() {
        assertThat(Lifecycle.published(RECEIVED, null)).isEqualTo(new Lifecycle.PublishedStage(1, "접수"));
        assertThat(Lifecycle.published(IN_REVIEW, null).label()).isEqualTo("내부 검토 및 원인 분석");
        assertThat(Lifecycle.published(SOLUTION_PROPOSED, null).index()).isEqualTo(3);
        assertThat(Lifecycle.published(CLOSED, null)).isEqualTo(new Lifecycle.PublishedStage(4, "해결 완료 및 피드백 수집"));
        // waiting on the customer shows the stage it paused, and says so
        Lifecycle.PublishedStage waiting = Lifecycle.published(WAITING_ON_CUSTOMER, SOLUTION_PROPOSED);
        assertThat(waiting.index()).isEqualTo(3);
        assertThat(waiting.label()).startsWith("해결 방안 도출 및 고객 안내").contains("답변 대기");
    }
}
