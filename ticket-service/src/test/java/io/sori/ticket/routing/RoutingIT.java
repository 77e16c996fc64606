package io.sori.ticket.routing;

import static io.sori.testsupport.Callers.agent;
import static io.sori.ticket.TicketTestSupport.message;
import static io.sori.ticket.TicketTestSupport.newId;
import static io.sori.testsupport.Callers.supervisor;
import static org.assertj.core.api.Assertions.assertThat;

import io.sori.events.Topics;
import io.sori.events.ticket.TicketAssigned;
import io.sori.events.ticket.TicketCreated;
import io.sori.testsupport.SoriIntegrationTest;
import io.sori.ticket.ticket.Ticket;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import io.sori.testsupport.TopicProbe;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

/** Skills routing, supervisors reassigning, and agents racing for one ticket. */
@SoriIntegrationTest
class RoutingIT {

    private static final Duration WAIT = Duration.ofSeconds(20);

    @Autowired
    WebTestClient http;

    @Autowired
    RoutingService routing;

    @Autowired
    ReactiveMongoTemplate mongo;

    @Test
    void shouldGiveANewTicketToTheLeastLoadedAvailableAgentWithTheSkill() {
        String lead = newId("lead");
        String busyAgent = newId("jeonse-a");
        String freeAgent = newId("jeonse-b");
        putAgent(lead, lead, List.of("GENERAL"), true, "AVAILABLE");
        putAgent(busyAgent, lead, List.of("LOAN_JEONSE"), false, "BUSY");
        putAgent(freeAgent, lead, List.of("LOAN_JEONSE", "FX"), false, "AVAILABLE");
        String customerId = newId("cust");
        try (TopicProbe tickets = TopicProbe.on(Topics.TICKETS)) {
            TopicProbe.send(message(customerId, newId("conv"), "전세자금대출 연장하려는데 서류가 뭐가 필요한가요?"));
            TicketCreated created = tickets.awaitEvent(TicketCreated.class, t -> t.customerId().equals(customerId),
                    WAIT).payload();
            assertThat(created.skill()).isEqualTo("LOAN_JEONSE");
            TicketAssigned assigned = tickets.awaitEvent(TicketAssigned.class,
                    a -> a.ticketId().equals(created.ticketId()), WAIT).payload();
            assertThat(assigned.assignee()).isEqualTo(freeAgent);
            assertThat(assigned.actor()).isEqualTo("routing");
        }
        // other tests' waiting tickets of these skills may reach this agent too (a shared store): the
        // queue holds this customer's ticket, and the slot count matches the open work the agent holds
        http.get().uri("/api/tickets/queue").headers(agent(freeAgent)).exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.assigned[?(@.customerId == '" + customerId + "')]")
                .value(found -> assertThat((List<?>) found).hasSize(1));
        org.awaitility.Awaitility.await().atMost(WAIT).untilAsserted(() -> {
            long held = openWorkOf(freeAgent);
            http.get().uri("/api/agents").headers(agent(freeAgent)).exchange()
                    .expectBody().jsonPath("$[?(@.id == '" + freeAgent + "')].active")
                    .isEqualTo(List.of((int) held));
        });

        // a supervisor moves it; an agent may not
        http.post().uri("/api/tickets/{id}/assignment", ticketOf(customerId)).headers(agent(freeAgent))
                .bodyValue(Map.of("assignee", busyAgent)).exchange()
                .expectStatus().isForbidden();
        http.post().uri("/api/tickets/{id}/assignment", ticketOf(customerId)).headers(supervisor(lead))
                .bodyValue(Map.of("assignee", busyAgent)).exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.assignee").isEqualTo(busyAgent);
    }

    @Test
    void shouldLetOnlyOneOfTwoAgentsRacingForATicketTakeIt() {
        String lead = newId("lead");
        String kim = newId("kim");
        String lee = newId("lee");
        // offline: routing leaves the ticket for the agents to take themselves
        putAgent(kim, lead, List.of("INVESTMENT"), false, "OFFLINE");
        putAgent(lee, lead, List.of("INVESTMENT"), false, "OFFLINE");
        String id = openTicket(kim, "주식 계좌 개설이 중간에 멈췄어요");

        List<HttpStatus> outcomes = Flux.just(kim, lee)
                .flatMap(agentId -> Mono.fromCallable(() -> (HttpStatus) http.post()
                        .uri("/api/tickets/{id}/assignment", id).headers(agent(agentId))
                        .bodyValue(Map.of("assignee", agentId)).exchange()
                        .returnResult(String.class).getStatus()))
                .collectList().block(WAIT);
        assertThat(outcomes).containsExactlyInAnyOrder(HttpStatus.OK, HttpStatus.CONFLICT);

        // two agents moving the ticket from the same version: one wins, the other is told it is stale
        long version = version(id, kim);
        List<HttpStatus> moves = Flux.just(kim, lee)
                .flatMap(agentId -> Mono.fromCallable(() -> (HttpStatus) http.post()
                        .uri("/api/tickets/{id}/transitions", id).headers(agent(agentId))
                        .bodyValue(Map.of("to", "IN_REVIEW", "version", version)).exchange()
                        .returnResult(String.class).getStatus()))
                .collectList().block(WAIT);
        assertThat(moves).containsExactlyInAnyOrder(HttpStatus.OK, HttpStatus.CONFLICT);
        http.get().uri("/api/tickets/{id}/history", id).headers(agent(kim)).exchange()
                .expectBody().jsonPath("$[?(@.action == 'STAGE_CHANGED')]")
                    .value(found -> assertThat((List<?>) found).hasSize(1))
                .jsonPath("$[?(@.action == 'ASSIGNED')]")
                    .value(found -> assertThat((List<?>) found).hasSize(1));
    }

    @Test
    void shouldAssignATicketOnceWhenSeveralRoutersRaceForIt() {
        String lead = newId("lead");
        List<String> agents = List.of(newId("acct-a"), newId("acct-b"), newId("acct-c"));
        agents.forEach(a -> putAgent(a, lead, List.of("ACCOUNT"), false, "OFFLINE"));
        String id = openTicket(lead, "입출금 계좌 해지하고 싶어요");
        Ticket ticket = mongo.findById(id, Ticket.class).block(WAIT);
        assertThat(ticket.skill()).isEqualTo("ACCOUNT");

        try (TopicProbe tickets = TopicProbe.on(Topics.TICKETS)) {
            agents.forEach(a -> putAgent(a, lead, List.of("ACCOUNT"), false, "AVAILABLE"));
            // four routers at once (plus the service's own rounds), as if four instances ran
            List<Boolean> outcomes = Flux.range(0, 4).flatMap(i -> routing.route(ticket)).collectList().block(WAIT);
            // the service's own round may have won already: at most one of these wins
            assertThat(outcomes).filteredOn(Boolean::booleanValue).hasSizeLessThanOrEqualTo(1);
            tickets.awaitEvent(TicketAssigned.class, a -> a.ticketId().equals(id), WAIT);
            assertThat(tickets.drain(Duration.ofSeconds(3)))
                    .filteredOn(r -> r.value().contains("ticket.TicketAssigned") && r.value().contains(id))
                    .hasSize(1);
        }
        assertThat(mongo.findById(id, Ticket.class).block(WAIT).assignee()).isIn(agents);
        // every slot a losing router took was given back: the slots match the open work held (other
        // tests' waiting ACCOUNT tickets may have been routed to these agents as well)
        for (String a : agents) {
            org.awaitility.Awaitility.await().atMost(WAIT).untilAsserted(() -> assertThat(
                    mongo.findById(a, Agent.class).block(WAIT).active()).as(a).isEqualTo((int) openWorkOf(a)));
        }
    }

    @Test
    void shouldGiveNoNewWorkToAnAgentRestingAfterReportingAnAbusiveCustomer() {
        String lead = newId("lead");
        String resting = newId("card-rest");
        putAgent(resting, lead, List.of("CARD"), false, "AVAILABLE");
        java.time.Instant until = java.time.Instant.now().plus(Duration.ofMinutes(15)).truncatedTo(
                java.time.temporal.ChronoUnit.MILLIS);
        TopicProbe.send(io.sori.events.EventEnvelope.of(
                new io.sori.events.blocklist.AgentRestGranted(resting, until, "rep-1"), null, java.time.Instant.now()));
        org.awaitility.Awaitility.await().atMost(WAIT).untilAsserted(() -> http.get().uri("/api/agents/{id}", resting)
                .headers(agent(resting)).exchange()
                .expectBody().jsonPath("$.restUntil").isEqualTo(until.toString()));

        String customerId = newId("cust");
        try (TopicProbe tickets = TopicProbe.on(Topics.TICKETS)) {
            TopicProbe.send(message(customerId, newId("conv"), "체크카드 결제가 두 번 됐어요"));
            TicketCreated created = tickets.awaitEvent(TicketCreated.class, t -> t.customerId().equals(customerId),
                    WAIT).payload();
            assertThat(created.skill()).isEqualTo("CARD");
            routing.routeWaiting().block(WAIT);
            assertThat(tickets.drain(Duration.ofSeconds(2)).stream().map(r -> r.value())
                    .filter(v -> v.contains(created.ticketId()) && v.contains("TicketAssigned")))
                    .noneMatch(v -> v.contains(resting));
        }
    }

    private void putAgent(String id, String supervisorId, List<String> skills, boolean isSupervisor, String status) {
        http.put().uri("/api/agents/{id}", id).headers(supervisor(supervisorId))
                .bodyValue(Map.of("displayName", "상담사 " + id.substring(0, 6), "contact", "내선 " + id.length(),
                        "skills", skills, "supervisor", isSupervisor, "maxConcurrent", 5, "maxDaily", 60,
                        "status", status))
                .exchange().expectStatus().isOk();
    }

    private String openTicket(String agentId, String subject) {
        return http.post().uri("/api/tickets").headers(agent(agentId))
                .bodyValue(Map.of("customerId", newId("cust"), "channel", "PHONE", "subject", subject))
                .exchange().expectStatus().isCreated()
                .returnResult(JsonNode.class).getResponseBody().blockFirst().get("id").asString();
    }

    private long version(String id, String agentId) {
        return http.get().uri("/api/tickets/{id}", id).headers(agent(agentId)).exchange()
                .returnResult(JsonNode.class).getResponseBody().blockFirst().get("version").asLong();
    }

    private String ticketOf(String customerId) {
        return http.get().uri("/api/tickets?customerId={c}", customerId).headers(agent("any-agent")).exchange()
                .returnResult(JsonNode.class).getResponseBody().blockFirst().get("items").get(0).get("id").asString();
    }

    private long openWorkOf(String agentId) {
        return mongo.count(org.springframework.data.mongodb.core.query.Query.query(
                org.springframework.data.mongodb.core.query.Criteria.where("assignee").is(agentId)
                        .and("open").is(true)), Ticket.class).block(WAIT);
    }
}
