package io.sori.channel.journey;

import io.sori.events.ticket.TicketStage;

/** The four published stages as the customer sees them (the same labels ticket-service shows). */
public final class PublishedStages {

    private PublishedStages() {
    }

    public record Published(int index, String label) {
    }

    /** Stage k of 4 and its Korean label; waiting on the customer shows the stage it paused, or review. */
    public static Published of(TicketStage stage) {
        if (stage == null) {
            return new Published(1, "접수");
        }
        return switch (stage) {
            case RECEIVED -> new Published(1, "접수");
            case IN_REVIEW -> new Published(2, "내부 검토 및 원인 분석");
            case SOLUTION_PROPOSED -> new Published(3, "해결 방안 도출 및 고객 안내");
            case RESOLVED, CLOSED -> new Published(4, "해결 완료 및 피드백 수집");
            case WAITING_ON_CUSTOMER -> new Published(2, "내부 검토 및 원인 분석 (고객님 답변 대기 중)");
        };
    }
}
