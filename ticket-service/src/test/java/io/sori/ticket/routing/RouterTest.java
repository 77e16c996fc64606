package io.sori.ticket.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RouterTest {

    private static final Instant EARLY = Instant.parse("2026-11-24T00:10:00Z");
    private static final Instant LATE = Instant.parse("2026-11-24T01:40:00Z");
    private final Router router = new Router();

    private static Router.Candidate agent(String id, Set<String> skills, AgentStatus status, int active, int max,
            int today, Instant last) {
        return new Router.Candidate(id, skills, status, false, active, max, today, 60, last);
    }

    @Test
    void shouldGiveTheHeadOfTheQueueToTheLeastLoadedAvailableAgentWithTheSkill() {
        var kim = agent("kim", Set.of("CARD", "GENERAL"), AgentStatus.AVAILABLE, 3, 5, 20, EARLY);
        var lee = agent("lee", Set.of("CARD"), AgentStatus.AVAILABLE, 1, 5, 31, LATE);
        var park = agent("park", Set.of("FX"), AgentStatus.AVAILABLE, 0, 5, 0, null);
        var choi = agent("choi", Set.of("CARD"), AgentStatus.BUSY, 0, 5, 0, null);
        assertThat(router.rank(List.of(kim, lee, park, choi), "CARD", false))
                .extracting(Router.Candidate::agentId).containsExactly("lee", "kim");
    }

    @Test
    void shouldSkipAgentsWhoseConcurrentOrDailyCapacityIsFull() {
        var full = agent("full", Set.of("TRANSFER_LIMIT"), AgentStatus.AVAILABLE, 5, 5, 10, EARLY);
        var doneForToday = new Router.Candidate("tired", Set.of("TRANSFER_LIMIT"), AgentStatus.AVAILABLE, false, 0,
                5, 55, 55, EARLY);
        var free = agent("free", Set.of("TRANSFER_LIMIT"), AgentStatus.AVAILABLE, 4, 5, 50, LATE);
        assertThat(router.rank(List.of(full, doneForToday, free), "TRANSFER_LIMIT", false))
                .extracting(Router.Candidate::agentId).containsExactly("free");
        assertThat(router.rank(List.of(full, doneForToday), "TRANSFER_LIMIT", false)).isEmpty();
    }

    @Test
    void shouldBreakTiesByWorkTakenTodayThenByWhoWaitedLongest() {
        var a = agent("a", Set.of("GENERAL"), AgentStatus.AVAILABLE, 1, 4, 12, EARLY);
        var b = agent("b", Set.of("GENERAL"), AgentStatus.AVAILABLE, 1, 4, 9, LATE);
        var c = agent("c", Set.of("GENERAL"), AgentStatus.AVAILABLE, 1, 4, 9, EARLY);
        assertThat(router.rank(List.of(a, b, c), "GENERAL", false)).extracting(Router.Candidate::agentId)
                .containsExactly("c", "b", "a");
    }

    @Test
    void shouldSendEscalatedWorkToSupervisorsFirst() {
        var agent = agent("agent", Set.of("FRAUD"), AgentStatus.AVAILABLE, 0, 5, 0, null);
        var lead = new Router.Candidate("lead", Set.of("FRAUD"), AgentStatus.AVAILABLE, true, 3, 5, 10, 60, EARLY);
        assertThat(router.rank(List.of(agent, lead), "FRAUD", true)).extracting(Router.Candidate::agentId)
                .containsExactly("lead", "agent");
        assertThat(router.rank(List.of(agent, lead), "FRAUD", false)).extracting(Router.Candidate::agentId)
                .containsExactly("agent", "lead");
    }

    @Test
    void shouldGiveNothingNewToAnAgentRestingAfterReportingAbuse() {
        var resting = new Router.Candidate("resting", Set.of("CARD"), AgentStatus.AVAILABLE, false, 0, 5, 0, 60, null,
                true);
        var busier = agent("busier", Set.of("CARD"), AgentStatus.AVAILABLE, 4, 5, 40, LATE);
        assertThat(router.rank(List.of(resting, busier), "CARD", false)).extracting(Router.Candidate::agentId)
                .containsExactly("busier");
        assertThat(router.rank(List.of(resting), "CARD", true)).isEmpty();
    }
}
