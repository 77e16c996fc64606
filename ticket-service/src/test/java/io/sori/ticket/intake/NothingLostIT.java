package io.sori.ticket.intake;

import static io.sori.testsupport.Callers.agent;
import static io.sori.ticket.TicketTestSupport.interaction;
import static io.sori.ticket.TicketTestSupport.newId;
import static io.sori.ticket.TicketTestSupport.resent;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.sori.events.EventEnvelope;
import io.sori.events.Topics;
import io.sori.events.channel.Channel;
import io.sori.events.channel.InteractionRecorded;
import io.sori.events.ticket.TicketStage;
import io.sori.testsupport.SoriIntegrationTest;
import io.sori.testsupport.TopicProbe;
import io.sori.ticket.ticket.HistoryEntry;
import io.sori.ticket.ticket.Ticket;
import io.sori.ticket.ticket.TicketService;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import tools.jackson.databind.JsonNode;

/**
 * Every contact the channels accepted ends in exactly one ticket entry, whichever way it joins:
 * over the real broker and store, watching the dead-letter topic stay silent.
 */
@SoriIntegrationTest
class NothingLostIT {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String AGENT = "agent-nothing-lost";

    @Autowired
    WebTestClient http;
    @Autowired
    ReactiveMongoTemplate mongo;
    @Autowired
    TicketService tickets;

    @Test
    void shouldKeepAgentOpenedTicketsFreeOfAnInteractionKeyTheUniqueIndexWouldShare() {
        String id = openByAgent(newId("cust"), "CARD", "카드 결제 내역 문의 (전화)");
        openByAgent(newId("cust"), "CARD", "카드 결제 취소 문의 (전화)");

        Document stored = mongo.findById(id, Document.class, Ticket.COLLECTION).block();
        assertThat(stored).doesNotContainKey("interactionIds");
    }

    @Test
    void shouldJoinAContactToTheNewestOfSeveralAgentOpenedTicketsOfItsCategory() {
        String customer = newId("cust");
        openByAgent(newId("cust"), "CARD", "카드 결제 내역 문의 (전화)");
        String older = openByAgent(customer, "CARD", "카드 결제 내역 문의 (전화)");
        String newer = openByAgent(customer, "CARD", "카드 결제 취소 문의 (전화)");
        var contact = chat(customer, newId("conv"), "카드 결제 취소가 아직 안 됐어요", "CARD");
        var another = chat(customer, newId("conv"), "카드 결제 취소 언제 되나요? 다시 여쭤봐요", "CARD");

        try (TopicProbe deadLetters = TopicProbe.on(Topics.deadLetter(Topics.CHANNEL_INTERACTIONS))) {
            TopicProbe.send(contact);
            TopicProbe.send(another);

            assertThat(recordedOnce(contact)).isEqualTo(newer);
            assertThat(recordedOnce(another)).isEqualTo(newer);
            assertThat(ticket(older).interactionIds()).isEmpty();
            assertNothingDeadLettered(deadLetters, customer);
        }
    }

    @Test
    void shouldRecordAContactOnceOnEveryJoinPath() {
        String customer = newId("cust");
        String conversation = newId("conv");
        var opening = chat(customer, conversation, "해외송금이 3일째 도착을 안 했어요", "FX");
        var followUp = chat(customer, conversation, "수취은행은 미국 BOA입니다", "FX");
        var sameMatterElsewhere = interaction(customer, newId("conv"), Channel.TALK, "MESSAGE",
                "해외 송금 지연 건 진행 상황 알려주세요", "FX", false, true);
        var otherMatter = chat(customer, newId("conv"), "체크카드 재발급 신청하고 싶어요", "CARD");

        try (TopicProbe deadLetters = TopicProbe.on(Topics.deadLetter(Topics.CHANNEL_INTERACTIONS))) {
            TopicProbe.send(opening);
            String ticket = recordedOnce(opening);
            TopicProbe.send(followUp);
            TopicProbe.send(followUp);              // the broker redelivers it
            TopicProbe.send(resent(followUp));      // the channel re-sends it as a new event
            TopicProbe.send(sameMatterElsewhere);
            TopicProbe.send(otherMatter);

            assertThat(recordedOnce(followUp)).isEqualTo(ticket);
            assertThat(recordedOnce(sameMatterElsewhere)).isEqualTo(ticket);
            assertThat(recordedOnce(otherMatter)).isNotEqualTo(ticket);
            assertThat(ticket(ticket).interactionIds()).containsExactly(opening.payload().interactionId(),
                    followUp.payload().interactionId(), sameMatterElsewhere.payload().interactionId());

            // resolved, then the customer writes again within the reopen window: the same ticket reopens
            resolve(ticket);
            var again = chat(customer, conversation, "송금이 또 안 들어왔어요. 해결된 게 아니네요", "FX");
            TopicProbe.send(again);
            assertThat(recordedOnce(again)).isEqualTo(ticket);
            Ticket reopened = ticket(ticket);
            assertThat(reopened.stage()).isEqualTo(TicketStage.IN_REVIEW);
            assertThat(reopened.reopenCount()).isEqualTo(1);
            assertNothingDeadLettered(deadLetters, customer);
        }
    }

    @Test
    void shouldRecordConcurrentContactsOfOneCustomerEachInExactlyOneTicket() {
        String customer = newId("cust");
        openByAgent(customer, "TRANSFER_LIMIT", "이체한도 증액 요청 (전화)");
        openByAgent(customer, "TRANSFER_LIMIT", "이체한도 증액 서류 문의 (전화)");
        String conversation = newId("conv");
        List<EventEnvelope<InteractionRecorded>> contacts = new ArrayList<>();
        IntStream.range(0, 6).forEach(i -> contacts.add(chat(customer, conversation,
                "이체한도 올려주세요 (" + (i + 1) + "번째 메시지)", "TRANSFER_LIMIT")));
        IntStream.range(0, 6).forEach(i -> contacts.add(chat(customer, newId("conv"),
                "이체 한도 증액 아직인가요? (" + (i + 1) + ")", "TRANSFER_LIMIT")));

        try (TopicProbe deadLetters = TopicProbe.on(Topics.deadLetter(Topics.CHANNEL_INTERACTIONS))) {
            // this instance's listener takes them off the topic while a second instance (the direct
            // calls on other threads) handles the same contacts at the same time; a failure there is
            // the other instance's to retry, and the broker still delivers each contact here
            contacts.forEach(TopicProbe::send);
            Flux.fromIterable(contacts)
                    .flatMap(c -> tickets.intake(c.payload(), c.correlationId())
                            .subscribeOn(Schedulers.boundedElastic())
                            .onErrorResume(e -> Mono.empty()), 12)
                    .blockLast(WAIT);

            contacts.forEach(this::recordedOnce);
            assertNothingDeadLettered(deadLetters, customer);
        }
    }

    /** Waits until exactly one ticket holds the interaction, once, with one history entry for it. */
    private String recordedOnce(EventEnvelope<InteractionRecorded> contact) {
        String interactionId = contact.payload().interactionId();
        await().atMost(WAIT).untilAsserted(() -> assertThat(holding(interactionId)).hasSize(1));
        Ticket ticket = holding(interactionId).get(0);
        assertThat(ticket.interactionIds()).containsOnlyOnce(interactionId);
        List<Ticket> ofCustomer = mongo.find(Query.query(Criteria.where("customerId")
                .is(contact.payload().customerId())), Ticket.class).collectList().block();
        assertThat(ofCustomer).flatMap(Ticket::history)
                .filteredOn(h -> interactionId.equals(h.details().get("interactionId")))
                .extracting(HistoryEntry::action).singleElement().isIn("OPENED", "CUSTOMER_WROTE");
        return ticket.id();
    }

    private List<Ticket> holding(String interactionId) {
        return mongo.find(Query.query(Criteria.where("interactionIds").is(interactionId)), Ticket.class)
                .collectList().block();
    }

    private Ticket ticket(String id) {
        return mongo.findById(id, Ticket.class).block();
    }

    private static void assertNothingDeadLettered(TopicProbe deadLetters, String customer) {
        assertThat(deadLetters.drain(Duration.ofSeconds(1)))
                .noneMatch(r -> r.value() != null && r.value().contains(customer));
    }

    private static EventEnvelope<InteractionRecorded> chat(String customer, String conversation, String text,
            String categoryHint) {
        return interaction(customer, conversation, Channel.CHAT, "MESSAGE", text, categoryHint, false, true);
    }

    private String openByAgent(String customer, String category, String subject) {
        return http.post().uri("/api/tickets").headers(agent(AGENT))
                .bodyValue(Map.of("customerId", customer, "channel", "PHONE", "category", category,
                        "subject", subject)).exchange()
                .expectStatus().isCreated()
                .returnResult(JsonNode.class).getResponseBody().blockFirst().get("id").asString();
    }

    private void resolve(String id) {
        for (String to : List.of("IN_REVIEW", "SOLUTION_PROPOSED", "RESOLVED")) {
            await().atMost(WAIT).untilAsserted(() -> {
                Ticket t = ticket(id);
                if (t.stage() == TicketStage.RESOLVED || t.stage().name().equals(to)) {
                    return;
                }
                http.post().uri("/api/tickets/{id}/transitions", id).headers(agent(AGENT))
                        .bodyValue(Map.of("to", to, "version", t.version())).exchange()
                        .expectStatus().isOk();
            });
        }
        assertThat(ticket(id).stage()).isEqualTo(TicketStage.RESOLVED);
    }
}
