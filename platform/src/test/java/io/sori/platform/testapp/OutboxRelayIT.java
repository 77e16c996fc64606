package io.sori.platform.testapp;

import static org.assertj.core.api.Assertions.assertThat;

import io.sori.events.EventEnvelope;
import io.sori.events.Topics;
import io.sori.events.ticket.TicketClosed;
import io.sori.platform.outbox.OutboxRelay;
import io.sori.testsupport.SoriStackInitializer;
import io.sori.testsupport.StackAvailableCondition;
import io.sori.testsupport.TopicProbe;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

/**
 * A process that wrote its state and then stopped before publishing: the events are
 * published by the next process to start, exactly the ones written, and the outbox
 * empties. Each run uses a fresh database so it sees only its own documents.
 */
@ExtendWith(StackAvailableCondition.class)
class OutboxRelayIT {

    private final String database = "outbox_restart_" + UUID.randomUUID().toString().substring(0, 8);

    @Test
    void shouldPublishAfterRestartWhatWasWrittenBeforeTheStop() {
        String caseId = "case-" + UUID.randomUUID();

        // 1. the process writes state + event, then stops before its relay ever runs
        try (ConfigurableApplicationContext crashed = start(false)) {
            crashed.getBean(PlatformTestApplication.CaseService.class).close(caseId, "cust-1").block();
            assertThat(outboxOf(crashed, caseId)).hasSize(1);
        }

        try (TopicProbe tickets = TopicProbe.on(Topics.TICKETS)) {
            // nothing was published while the process was down
            assertThat(tickets.drain(Duration.ofSeconds(1))).noneMatch(r -> r.value().contains(caseId));

            // 2. the restarted process publishes what it finds, without being asked
            try (ConfigurableApplicationContext restarted = start(true)) {
                EventEnvelope<TicketClosed> published = tickets.awaitEvent(TicketClosed.class,
                        e -> e.ticketId().equals(caseId), Duration.ofSeconds(20));
                assertThat(published.aggregateId()).isEqualTo(caseId);
                assertThat(published.correlationId()).isEqualTo("corr-" + caseId);

                awaitEmptyOutbox(restarted, caseId);
                List<ConsumerRecord<String, String>> all = tickets.drain(Duration.ofSeconds(2));
                assertThat(all).filteredOn(r -> r.value().contains(caseId)).hasSize(1)
                        .allSatisfy(r -> assertThat(r.key()).isEqualTo(caseId));
            }
        }
    }

    @Test
    void shouldNotPublishADocumentAnotherLiveInstanceHasLeased() {
        String caseId = "case-" + UUID.randomUUID();
        try (ConfigurableApplicationContext writer = start(false)) {
            writer.getBean(PlatformTestApplication.CaseService.class).close(caseId, "cust-2").block();
            // another instance holds the lease for a while yet
            writer.getBean(ReactiveMongoTemplate.class).updateFirst(Query.query(Criteria.where("_id").is(caseId)),
                    new org.springframework.data.mongodb.core.query.Update()
                            .set("outboxLeaseUntil", java.util.Date.from(java.time.Instant.now().plusSeconds(300)))
                            .set("outboxLeaseOwner", "other-instance"),
                    PlatformTestApplication.CASES).block();
        }
        try (TopicProbe tickets = TopicProbe.on(Topics.TICKETS);
                ConfigurableApplicationContext relay = start(true)) {
            assertThat(tickets.drain(Duration.ofMillis(1500))).noneMatch(r -> r.value().contains(caseId));
            // the other instance died and its lease ran out: this instance takes over
            relay.getBean(ReactiveMongoTemplate.class).updateFirst(Query.query(Criteria.where("_id").is(caseId)),
                    new org.springframework.data.mongodb.core.query.Update()
                            .set("outboxLeaseUntil", java.util.Date.from(java.time.Instant.now().minusSeconds(1))),
                    PlatformTestApplication.CASES).block();
            tickets.awaitEvent(TicketClosed.class, e -> e.ticketId().equals(caseId), Duration.ofSeconds(20));
            awaitEmptyOutbox(relay, caseId);
        }
    }

    @Test
    void shouldPublishNamedDocumentsAtOnceWithoutWaitingForThePoll() {
        String prefix = "named-" + UUID.randomUUID().toString().substring(0, 8) + "-";
        // the safety-net poll runs only at start: whatever is published after that was named or asked for
        try (TopicProbe tickets = TopicProbe.on(Topics.TICKETS);
                ConfigurableApplicationContext relay = start(true, "--sori.outbox.poll-interval=1h")) {
            PlatformTestApplication.CaseService cases = relay.getBean(PlatformTestApplication.CaseService.class);
            reactor.core.publisher.Flux.range(0, 60)
                    .flatMap(i -> cases.closeNamed(prefix + i, "cust-" + i), 8)
                    .then().block(Duration.ofSeconds(30));
            // a writer that does not name its document still gets a scan
            cases.close(prefix + "unnamed", "cust-unnamed").block(Duration.ofSeconds(10));

            org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                    assertThat(publishedPerKey(tickets, prefix)).hasSize(61));
            assertThat(publishedPerKey(tickets, prefix).values()).as("each event once").containsOnly(1L);
            for (int i = 0; i < 60; i++) {
                awaitEmptyOutbox(relay, prefix + i);
            }
            awaitEmptyOutbox(relay, prefix + "unnamed");
        }
    }

    /** drain() answers everything seen so far: a fresh count each time. */
    private static java.util.Map<String, Long> publishedPerKey(TopicProbe probe, String prefix) {
        return probe.drain(Duration.ofMillis(300)).stream().filter(r -> r.key().startsWith(prefix))
                .collect(java.util.stream.Collectors.groupingBy(ConsumerRecord::key,
                        java.util.stream.Collectors.counting()));
    }

    private ConfigurableApplicationContext start(boolean relayEnabled, String... more) {
        List<String> args = new java.util.ArrayList<>(List.of("--spring.mongodb.database=" + database,
                "--spring.application.name=platform-restart-" + database,
                "--sori.outbox.enabled=" + relayEnabled));
        args.addAll(List.of(more));
        return new SpringApplicationBuilder(PlatformTestApplication.class)
                .web(WebApplicationType.NONE)
                .initializers(new SoriStackInitializer())
                .run(args.toArray(String[]::new));
    }

    private static List<?> outboxOf(ConfigurableApplicationContext context, String caseId) {
        Document doc = context.getBean(ReactiveMongoTemplate.class)
                .findById(caseId, Document.class, PlatformTestApplication.CASES).block();
        assertThat(doc).as("the state write survived").isNotNull();
        assertThat(doc.getString("status")).isEqualTo("CLOSED");
        return doc.getList(OutboxRelay.OUTBOX_FIELD, Object.class, List.of());
    }

    private static void awaitEmptyOutbox(ConfigurableApplicationContext context, String caseId) {
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(outboxOf(context, caseId)).isEmpty());
    }
}
