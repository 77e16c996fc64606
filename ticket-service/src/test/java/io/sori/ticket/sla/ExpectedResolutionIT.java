package io.sori.ticket.sla;

import static io.sori.testsupport.Callers.agent;
import static io.sori.testsupport.Callers.supervisor;
import static io.sori.ticket.TicketTestSupport.interaction;
import static io.sori.ticket.TicketTestSupport.newId;
import static org.assertj.core.api.Assertions.assertThat;

import io.sori.events.Topics;
import io.sori.events.channel.Channel;
import io.sori.events.ticket.ExpectedResolutionChanged;
import io.sori.events.ticket.TicketAssigned;
import io.sori.events.ticket.TicketCreated;
import io.sori.events.ticket.TicketStage;
import io.sori.events.ticket.TicketStageChanged;
import io.sori.testsupport.SoriIntegrationTest;
import io.sori.testsupport.TopicProbe;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;

/** The estimate the customer is told, as it goes out on the tickets topic over the real broker and store. */
@SoriIntegrationTest
class ExpectedResolutionIT {

    private static final Duration WAIT = Duration.ofSeconds(20);
    /** application.yml: IDENTITY resolves in 4 h of typical work. */
    private static final Duration IDENTITY_RESOLVE = Duration.ofHours(4);

    @Autowired
    WebTestClient http;

    @Test
    void shouldPromiseNothingWithNobodyOnShiftThenAnnounceTheEstimateOnAssignmentStageChangeAndReopen() {
        String lead = newId("lead");
        String agentId = newId("identity-agent");
        String customer = newId("cust");
        String conversation = newId("conv");
        try (TopicProbe tickets = TopicProbe.on(Topics.TICKETS)) {
            // nobody with the IDENTITY skill is on shift: no time is promised, the notice says why
            TopicProbe.send(interaction(customer, conversation, Channel.CHAT, "MESSAGE",
                    "본인인증이 계속 실패해서 로그인을 못 하고 있어요", "IDENTITY", false, true));
            TicketCreated created = tickets.awaitEvent(TicketCreated.class, e -> e.customerId().equals(customer),
                    WAIT).payload();
            assertThat(created.skill()).isEqualTo("IDENTITY");
            assertThat(created.expectedResolutionAt()).isNull();
            String id = created.ticketId();
            http.get().uri("/api/tickets/{id}", id).headers(agent(agentId)).exchange()
                    .expectBody()
                    .jsonPath("$.expectedResolutionNotice").value(n -> assertThat((String) n)
                            .contains("확정해 드릴 수 없습니다").doesNotContain("영업시간"));

            // someone with the skill comes on shift and routing assigns it: the estimate is announced
            putAgent(agentId, lead, "AVAILABLE");
            TicketAssigned assigned = tickets.awaitEvent(TicketAssigned.class, a -> a.ticketId().equals(id), WAIT)
                    .payload();
            assertThat(assigned.assignee()).isEqualTo(agentId);
            ExpectedResolutionChanged onAssignment = tickets.awaitEvent(ExpectedResolutionChanged.class,
                    e -> e.ticketId().equals(id), WAIT).payload();
            assertThat(onAssignment.previous()).isNull();
            assertThat(onAssignment.expectedResolutionAt()).isBetween(Instant.now().plus(IDENTITY_RESOLVE)
                    .minus(WAIT), Instant.now().plus(IDENTITY_RESOLVE));
            assertThat(onAssignment.reason()).contains("담당 상담사");

            // every stage change tells the current estimate
            long v = version(id, agentId);
            v = move(id, agentId, "IN_REVIEW", v);
            TicketStageChanged inReview = tickets.awaitEvent(TicketStageChanged.class,
                    e -> e.ticketId().equals(id) && e.to() == TicketStage.IN_REVIEW, WAIT).payload();
            assertThat(inReview.expectedResolutionAt()).isEqualTo(onAssignment.expectedResolutionAt());
            v = move(id, agentId, "SOLUTION_PROPOSED", v);
            move(id, agentId, "RESOLVED", v);

            // the customer writes again: the reopen counts the work from now and announces it
            Instant reopenedAround = Instant.now();
            TopicProbe.send(interaction(customer, conversation, Channel.CHAT, "MESSAGE",
                    "아직도 로그인이 안 돼요", "IDENTITY", false, true));
            ExpectedResolutionChanged onReopen = tickets.awaitEvent(ExpectedResolutionChanged.class,
                    e -> e.ticketId().equals(id) && !e.expectedResolutionAt()
                            .equals(onAssignment.expectedResolutionAt()), WAIT).payload();
            assertThat(onReopen.previous()).isEqualTo(onAssignment.expectedResolutionAt());
            assertThat(onReopen.expectedResolutionAt()).isAfter(reopenedAround.plus(IDENTITY_RESOLVE).minusSeconds(1));
            tickets.awaitEvent(TicketStageChanged.class, e -> e.ticketId().equals(id) && e.to() == TicketStage.IN_REVIEW
                    && e.from() == TicketStage.RESOLVED && onReopen.expectedResolutionAt().equals(
                            e.expectedResolutionAt()), WAIT);
            http.get().uri("/api/tickets/{id}/history", id).headers(agent(agentId)).exchange()
                    .expectBody().jsonPath("$[?(@.action == 'ESTIMATE_CHANGED')]")
                    .value(found -> assertThat((List<?>) found).hasSize(2));
        } finally {
            putAgent(agentId, lead, "OFFLINE"); // the skill's queue goes back to unstaffed for other tests
        }
    }

    private void putAgent(String id, String lead, String status) {
        http.put().uri("/api/agents/{id}", id).headers(supervisor(lead))
                .bodyValue(Map.of("displayName", "본인인증 상담사", "contact", "내선 2041", "skills", List.of("IDENTITY"),
                        "supervisor", false, "maxConcurrent", 5, "maxDaily", 60, "status", status))
                .exchange().expectStatus().isOk();
    }

    private long version(String id, String agentId) {
        return http.get().uri("/api/tickets/{id}", id).headers(agent(agentId)).exchange()
                .returnResult(JsonNode.class).getResponseBody().blockFirst().get("version").asLong();
    }

    private long move(String id, String agentId, String to, long version) {
        return http.post().uri("/api/tickets/{id}/transitions", id).headers(agent(agentId))
                .bodyValue(Map.of("to", to, "version", version)).exchange()
                .expectStatus().isOk()
                .returnResult(JsonNode.class).getResponseBody().blockFirst().get("version").asLong();
    }
}
