package io.sori.ticket.live;

import static io.sori.testsupport.Callers.agent;
import static io.sori.testsupport.Callers.customer;
import static io.sori.ticket.TicketTestSupport.newId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.MeterRegistry;
import io.sori.testsupport.SoriIntegrationTest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.http.MediaType;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;

/** The agent console's live feed over the real broker and store: what a browser connected to it receives. */
@SoriIntegrationTest
class LiveFeedIT {

    /** The outbox relay is woken by the write; the broker and the feed's consumer add little to that. */
    private static final Duration PROMPTLY = Duration.ofSeconds(2);

    @Autowired
    WebTestClient http;

    @Autowired
    MeterRegistry meters;

    @Autowired
    @Qualifier("ticketLiveFeedContainer")
    ConcurrentMessageListenerContainer<String, String> feed;

    @LocalServerPort
    int port;

    @BeforeEach
    void feedIsListening() {
        // it starts at the latest offset: a change made before it has its partitions would not be seen
        await().atMost(Duration.ofSeconds(30)).until(() -> !feed.getAssignedPartitions().isEmpty());
    }

    @Test
    void shouldCommitNothingSoTheFeedNeverLooksLikeAConsumerFallingBehind() throws Exception {
        String agentId = newId("agent");
        try (LiveStream stream = connected("/api/tickets/live", agentId)) {
            String id = open(agentId, "카드 분실 신고합니다", "분실 카드 정지 요청").get("id").asString();
            assertThat(stream.nextOf(id, PROMPTLY)).as("the change was streamed").isNotNull();
        }
        try (org.apache.kafka.clients.admin.Admin admin = org.apache.kafka.clients.admin.Admin.create(
                Map.of("bootstrap.servers", io.sori.testsupport.TestStack.get().kafkaBootstrap()))) {
            String group = feed.getContainerProperties().getGroupId();
            assertThat(admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata()
                    .get(10, java.util.concurrent.TimeUnit.SECONDS).values())
                    .as("offsets committed by the live feed's group " + group).allMatch(java.util.Objects::isNull);
        }
    }

    @Test
    void shouldStreamEachChangeOfATicketInOrderWithItsCurrentStateWithinASecondOrTwo() throws Exception {
        String agentId = newId("agent");
        try (LiveStream stream = connected("/api/tickets/live", agentId)) {
            long changed = System.nanoTime();
            JsonNode opened = open(agentId, "체크카드를 잃어버렸어요 정지해 주세요", "지갑째 분실, 카드 정지 요청");
            String id = opened.get("id").asString();

            LiveStream.Received created = stream.nextOf(id, PROMPTLY);
            assertThat(created).as("TicketCreated within " + PROMPTLY).isNotNull();
            List<Duration> latencies = new ArrayList<>(List.of(Duration.ofNanos(created.arrivedNanos() - changed)));
            assertThat(created.event().event()).isEqualTo("ticket");
            assertThat(created.event().id()).isNotBlank();
            assertThat(created.data().get("type").asString()).isEqualTo("ticket.TicketCreated");
            assertThat(created.data().get("at").asString()).endsWith("Z");
            JsonNode ticket = created.data().get("ticket");
            assertThat(ticket.get("id").asString()).isEqualTo(id);
            assertThat(ticket.get("subject").asString()).isEqualTo("체크카드를 잃어버렸어요 정지해 주세요");
            assertThat(ticket.get("priority").asString()).isEqualTo("URGENT");
            assertThat(ticket.at("/emergencyActions/0/type").asString()).isEqualTo("SUSPEND_CARD");
            assertThat(ticket.at("/sla/firstResponseDueAt").asString()).isNotBlank();
            // the same object as an item of GET /api/tickets
            JsonNode listed = http.get().uri("/api/tickets?customerId={c}", opened.get("customerId").asString())
                    .headers(agent(agentId)).exchange().expectStatus().isOk()
                    .returnResult(JsonNode.class).getResponseBody().blockFirst().at("/items/0");
            assertThat(ticket.propertyNames()).containsExactlyInAnyOrderElementsOf(listed.propertyNames());

            for (String stage : List.of("IN_REVIEW", "SOLUTION_PROPOSED", "RESOLVED")) {
                changed = System.nanoTime();
                move(id, agentId, stage);
                LiveStream.Received moved = stream.next(r -> r.data() != null
                        && id.equals(r.data().path("ticketId").asString(null))
                        && "ticket.TicketStageChanged".equals(r.data().path("type").asString(null)), PROMPTLY);
                assertThat(moved).as("the move to " + stage + " within " + PROMPTLY).isNotNull();
                latencies.add(Duration.ofNanos(moved.arrivedNanos() - changed));
                assertThat(moved.data().at("/ticket/stage").asString()).isEqualTo(stage);
            }
            assertThat(stream.seen().stream().filter(r -> r.data() != null
                    && id.equals(r.data().path("ticketId").asString(null))).map(r -> r.data().at("/ticket/stage")
                    .asString()).toList())
                    .as("stages only ever move forward on the stream").isSortedAccordingTo(
                            java.util.Comparator.comparingInt(List.of("RECEIVED", "IN_REVIEW", "SOLUTION_PROPOSED",
                                    "RESOLVED")::indexOf));
            System.out.println("live feed: change → event latencies " + latencies);
        }
    }

    @Test
    void shouldKeepAnIdleStreamAliveAndCountItsSubscribers() throws Exception {
        double before = subscribers();
        try (LiveStream stream = connected("/api/tickets/live", newId("agent"))) {
            assertThat(subscribers()).isEqualTo(before + 1);
            // the test configuration beats every second (15 s in the service's own)
            assertThat(stream.next(r -> "keep-alive".equals(comment(r)), Duration.ofSeconds(5))).isNotNull();
        }
        await().atMost(Duration.ofSeconds(5)).until(() -> subscribers() == before);
    }

    @Test
    void shouldSendOnlyTheChangesASkillOrAnAgentFilterAsksFor() throws Exception {
        String agentId = newId("agent");
        try (LiveStream card = connected("/api/tickets/live?skill=card", agentId);
                LiveStream fx = connected("/api/tickets/live?skill=FX", agentId);
                LiveStream mine = connected("/api/tickets/live?assignee=" + agentId, agentId)) {
            String id = open(agentId, "신용카드 분실했어요", "카드 분실 신고").get("id").asString();
            assertThat(card.nextOf(id, PROMPTLY)).isNotNull();
            assertThat(mine.nextOf(id, Duration.ofMillis(500))).as("not this agent's ticket").isNull();

            String lead = newId("lead");
            // a known agent, off shift so that routing gives them nothing else meanwhile
            http.put().uri("/api/agents/{id}", agentId).headers(io.sori.testsupport.Callers.supervisor(lead))
                    .bodyValue(Map.of("displayName", "이상담", "skills", List.of("CARD"), "maxConcurrent", 5,
                            "maxDaily", 60, "status", "OFFLINE"))
                    .exchange().expectStatus().isOk();
            http.post().uri("/api/tickets/{id}/assignment", id).headers(io.sori.testsupport.Callers.supervisor(lead))
                    .bodyValue(Map.of("assignee", agentId)).exchange().expectStatus().isOk();
            LiveStream.Received assigned = mine.nextOf(id, PROMPTLY);
            assertThat(assigned).isNotNull();
            assertThat(assigned.data().get("type").asString()).isEqualTo("ticket.TicketAssigned");
            assertThat(assigned.data().at("/ticket/assignee").asString()).isEqualTo(agentId);

            assertThat(fx.nextOf(id, Duration.ofMillis(500))).as("another team's ticket").isNull();
        }
    }

    @Test
    void shouldGiveEveryInstanceEveryChangeThroughItsOwnConsumerGroup(@Autowired ConsumerFactory<String, String> consumers,
            @Autowired ReactiveMongoTemplate mongo) throws Exception {
        // a second instance of the service, as far as the feed goes: its own hub and its own consumer
        TicketChanges otherInstance = new TicketChanges(new LiveSettings(null, 16, 10), new io.micrometer.core
                .instrument.simple.SimpleMeterRegistry());
        ConcurrentMessageListenerContainer<String, String> other = new LiveFeedConsumer()
                .ticketLiveFeedContainer(consumers, mongo, otherInstance, "ticket-service");
        other.start();
        List<LiveEvent> received = new java.util.concurrent.CopyOnWriteArrayList<>();
        var subscription = otherInstance.subscribe(e -> true).orElseThrow();
        var disposable = subscription.events().subscribe(received::add);
        try {
            await().atMost(Duration.ofSeconds(30)).until(() -> !other.getAssignedPartitions().isEmpty());
            assertThat(other.getGroupId()).isNotEqualTo(feed.getGroupId()).startsWith("ticket-service-live-");
            String agentId = newId("agent");
            try (LiveStream here = connected("/api/tickets/live", agentId)) {
                String id = open(agentId, "해외송금이 아직 도착하지 않았어요", "송금 지연 문의").get("id").asString();
                assertThat(here.nextOf(id, PROMPTLY)).isNotNull();
                await().atMost(PROMPTLY).until(() -> received.stream().anyMatch(e -> id.equals(e.ticketId())
                        && "ticket.TicketCreated".equals(e.type()) && e.ticket() != null));
            }
        } finally {
            disposable.dispose();
            other.stop();
        }
    }

    @Test
    void shouldRefuseCustomersAnonymousCallersAndBadFiltersWithProblems() {
        http.get().uri("/api/tickets/live").headers(customer("cust-live")).accept(MediaType.TEXT_EVENT_STREAM)
                .exchange().expectStatus().isForbidden()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        http.get().uri("/api/tickets/live").accept(MediaType.TEXT_EVENT_STREAM).exchange()
                .expectStatus().isUnauthorized();
        http.get().uri("/api/tickets/live?skill={s}", "카드 팀").headers(agent("agent-kim"))
                .accept(MediaType.TEXT_EVENT_STREAM).exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("skill");
    }

    private LiveStream connected(String path, String agentId) throws InterruptedException {
        LiveStream stream = LiveStream.open("http://localhost:" + port, path, agent(agentId));
        assertThat(stream.next(r -> "connected".equals(comment(r)), Duration.ofSeconds(10))).as("stream open").isNotNull();
        return stream;
    }

    private static String comment(LiveStream.Received r) {
        return r.event().comment() == null ? null : r.event().comment().strip();
    }

    private double subscribers() {
        return meters.get("sori.live.subscribers").gauge().value();
    }

    private JsonNode open(String agentId, String subject, String description) {
        return http.post().uri("/api/tickets").headers(agent(agentId))
                .bodyValue(Map.of("customerId", newId("cust"), "channel", "PHONE", "subject", subject,
                        "description", description))
                .exchange().expectStatus().isCreated()
                .returnResult(JsonNode.class).getResponseBody().blockFirst();
    }

    /** Routing may assign the ticket meanwhile (agents of other tests share the store): a stale version is read again. */
    private void move(String id, String agentId, String to) {
        for (int attempt = 1; ; attempt++) {
            long version = http.get().uri("/api/tickets/{id}", id).headers(agent(agentId)).exchange()
                    .returnResult(JsonNode.class).getResponseBody().blockFirst().get("version").asLong();
            int status = http.post().uri("/api/tickets/{id}/transitions", id).headers(agent(agentId))
                    .bodyValue(Map.of("to", to, "version", version)).exchange()
                    .returnResult(String.class).getStatus().value();
            if (status == 200 || attempt == 3) {
                assertThat(status).as("move to " + to).isEqualTo(200);
                return;
            }
        }
    }
}
