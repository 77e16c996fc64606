package io.sori.ticket.sla;

import static io.sori.testsupport.Callers.agent;
import static io.sori.ticket.TicketTestSupport.message;
import static io.sori.ticket.TicketTestSupport.newId;
import static org.assertj.core.api.Assertions.assertThat;

import io.sori.events.Topics;
import io.sori.events.ticket.Priority;
import io.sori.events.ticket.TicketCreated;
import io.sori.events.ticket.TicketSlaBreached;
import io.sori.testsupport.SoriIntegrationTest;
import io.sori.testsupport.TopicProbe;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.core.publisher.Flux;

/**
 * The test configuration gives group-account tickets a 2-second first response and a 4-second
 * resolution target on the 24/7 calendar, so breaches can be watched happen.
 */
@SoriIntegrationTest
class BreachDetectionIT {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Autowired
    WebTestClient http;

    @Autowired
    ClockWatch watch;

    @Test
    void shouldReportEachBreachOnceEscalateAndRaisePriorityEvenWithSeveralWatchers() {
        String customerId = newId("cust");
        try (TopicProbe tickets = TopicProbe.on(Topics.TICKETS)) {
            TopicProbe.send(message(customerId, newId("conv"), "모임통장 회비 입금 내역이 안 보여요"));
            TicketCreated created = tickets.awaitEvent(TicketCreated.class, t -> t.customerId().equals(customerId),
                    WAIT).payload();
            assertThat(created.category()).isEqualTo("GROUP_ACCOUNT");
            assertThat(created.priority()).isEqualTo(Priority.NORMAL);

            TicketSlaBreached firstResponse = tickets.awaitEvent(TicketSlaBreached.class,
                    b -> b.ticketId().equals(created.ticketId()) && b.clock().equals("FIRST_RESPONSE"), WAIT).payload();
            assertThat(firstResponse.dueAt()).isEqualTo(created.firstResponseDueAt());
            assertThat(firstResponse.priorityAfter()).isEqualTo(Priority.HIGH);
            tickets.awaitEvent(TicketSlaBreached.class,
                    b -> b.ticketId().equals(created.ticketId()) && b.clock().equals("RESOLUTION"), WAIT);

            // three more watchers at once, as if three more instances ran: nothing is reported twice
            Flux.range(0, 3).flatMap(i -> watch.round()).blockLast(Duration.ofSeconds(20));

            assertThat(tickets.drain(Duration.ofSeconds(3)))
                    .filteredOn(r -> r.value().contains("ticket.TicketSlaBreached")
                            && r.value().contains(created.ticketId()))
                    .hasSize(2);
            http.get().uri("/api/tickets/{id}", created.ticketId()).headers(agent("agent-1")).exchange()
                    .expectBody()
                    .jsonPath("$.sla.breached").isEqualTo(true)
                    .jsonPath("$.sla.breaches.length()").isEqualTo(2)
                    .jsonPath("$.escalated").isEqualTo(true)
                    .jsonPath("$.priority").isEqualTo("URGENT");
            http.get().uri("/api/tickets?slaBreached=true&customerId={c}", customerId).headers(agent("agent-1"))
                    .exchange().expectBody().jsonPath("$.total").isEqualTo(1);
            http.get().uri("/api/tickets?slaBreached=false&customerId={c}", customerId).headers(agent("agent-1"))
                    .exchange().expectBody().jsonPath("$.total").isEqualTo(0);
        }
    }
}
