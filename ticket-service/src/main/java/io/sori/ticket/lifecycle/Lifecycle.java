package io.sori.ticket.lifecycle;

import static io.sori.events.ticket.TicketStage.CLOSED;
import static io.sori.events.ticket.TicketStage.IN_REVIEW;
import static io.sori.events.ticket.TicketStage.RECEIVED;
import static io.sori.events.ticket.TicketStage.RESOLVED;
import static io.sori.events.ticket.TicketStage.SOLUTION_PROPOSED;
import static io.sori.events.ticket.TicketStage.WAITING_ON_CUSTOMER;

import io.sori.events.ticket.TicketStage;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * The published complaint process (접수 → 내부 검토 및 원인 분석 → 해결 방안 도출 및 고객 안내 →
 * 해결 완료 및 피드백 수집), then closed. Waiting on the customer pauses review or a proposal and
 * returns to where it was; a resolved ticket reopens into review; a closed one is final.
 */
public final class Lifecycle {

    private static final Map<TicketStage, Set<TicketStage>> ALLOWED = new EnumMap<>(TicketStage.class);

    static {
        ALLOWED.put(RECEIVED, EnumSet.of(IN_REVIEW));
        ALLOWED.put(IN_REVIEW, EnumSet.of(SOLUTION_PROPOSED, WAITING_ON_CUSTOMER));
        ALLOWED.put(WAITING_ON_CUSTOMER, EnumSet.of(IN_REVIEW, SOLUTION_PROPOSED));
        // the customer may turn a proposal down: back to review
        ALLOWED.put(SOLUTION_PROPOSED, EnumSet.of(RESOLVED, IN_REVIEW, WAITING_ON_CUSTOMER));
        ALLOWED.put(RESOLVED, EnumSet.of(CLOSED, IN_REVIEW));
        ALLOWED.put(CLOSED, EnumSet.noneOf(TicketStage.class));
    }

    private Lifecycle() {
    }

    public static Set<TicketStage> allowedFrom(TicketStage from) {
        Set<TicketStage> allowed = ALLOWED.get(from);
        return allowed.isEmpty() ? EnumSet.noneOf(TicketStage.class) : EnumSet.copyOf(allowed);
    }

    /** Throws when {@code from → to} is not a step of the process. */
    public static void check(TicketStage from, TicketStage to) {
        if (!ALLOWED.get(from).contains(to)) {
            throw new IllegalTransitionException(from, to, allowedFrom(from));
        }
    }

    /** The only legal way back from RESOLVED: a reopen. */
    public static boolean isReopen(TicketStage from, TicketStage to) {
        return from == RESOLVED && to == IN_REVIEW;
    }

    /** Whether the ticket still needs work (so it counts as open, may be routed and its clocks run). */
    public static boolean isOpen(TicketStage stage) {
        return stage != RESOLVED && stage != CLOSED;
    }

    /**
     * The stage as the customer is shown it: k of 4, with the published Korean label. Waiting on
     * the customer shows the stage it paused; closed shows the last stage.
     */
    public static PublishedStage published(TicketStage stage, TicketStage pausedStage) {
        return switch (stage) {
            case RECEIVED -> new PublishedStage(1, "접수");
            case IN_REVIEW -> new PublishedStage(2, "내부 검토 및 원인 분석");
            case SOLUTION_PROPOSED -> new PublishedStage(3, "해결 방안 도출 및 고객 안내");
            case RESOLVED, CLOSED -> new PublishedStage(4, "해결 완료 및 피드백 수집");
            case WAITING_ON_CUSTOMER -> {
                PublishedStage paused = published(pausedStage == null ? IN_REVIEW : pausedStage, null);
                yield new PublishedStage(paused.index(), paused.label() + " (고객님 답변 대기 중)");
            }
        };
    }

    public record PublishedStage(int index, String label) {
    }
}
