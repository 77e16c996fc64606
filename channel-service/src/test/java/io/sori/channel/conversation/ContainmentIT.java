package io.sori.channel.conversation;

import static io.sori.channel.ChannelTestSupport.WAIT;
import static io.sori.channel.ChannelTestSupport.conversation;
import static io.sori.channel.ChannelTestSupport.newId;
import static io.sori.channel.ChannelTestSupport.post;
import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import io.sori.events.channel.Channel;
import io.sori.testsupport.SoriIntegrationTest;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.core.publisher.Mono;

/**
 * Idle chat and talk conversations close once and are counted as contained by the bot or
 * handed off, and every contact is counted by channel and kind, under the names the dashboard reads.
 */
@SoriIntegrationTest
class ContainmentIT {

    @Autowired
    WebTestClient http;

    @Autowired
    ReactiveMongoTemplate mongo;

    @Autowired
    IdleConversations idle;

    @Autowired
    ConversationService conversations;

    @Autowired
    MeterRegistry meters;

    @Test
    void shouldCloseIdleConversationsOnceAndCountThemContainedOrHandedOff() {
        String customer = newId("cust");
        String handedOff = (String) post(http, "/api/channels/talk/messages",
                Map.of("customerId", customer, "text", "상담원 연결해 주세요"), 200).get("conversationId");
        String contained = settledByTheBot(customer);
        double containedBefore = closed("CHAT", "contained");
        double handedOffBefore = closed("TALK", "handed_off");

        ageConversationsOf(customer);
        idle.closeIdle().block(WAIT);
        idle.closeIdle().block(WAIT); // a second pass (or another instance) finds nothing left to count

        assertThat(conversation(mongo, contained).getString("status")).isEqualTo("CLOSED");
        assertThat(conversation(mongo, handedOff).getString("closedReason")).isEqualTo("INACTIVE");
        assertThat(closed("CHAT", "contained")).isEqualTo(containedBefore + 1);
        assertThat(closed("TALK", "handed_off")).isEqualTo(handedOffBefore + 1);

        // writing again after the window starts a new conversation
        String next = (String) post(http, "/api/channels/talk/messages", Map.of("customerId", customer,
                "conversationId", handedOff, "text", "다시 문의드려요"), 200).get("conversationId");
        assertThat(next).isNotEqualTo(handedOff);
    }

    @Test
    void shouldExposeTheChannelMetricsUnderTheNamesTheDashboardReads() {
        String customer = newId("cust");
        post(http, "/api/channels/chat/messages", Map.of("customerId", customer, "text", "안녕하세요"), 200);
        settledByTheBot(customer + "-2");
        ageConversationsOf(customer + "-2");
        idle.closeIdle().block(WAIT);

        String scrape = http.mutate().codecs(c -> c.defaultCodecs().maxInMemorySize(16 * 1024 * 1024)).build()
                .get().uri("/actuator/prometheus").exchange()
                .expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
        // the dashboard's "Bot containment" and "Bot conversations by outcome" panels
        assertThat(scrape).containsPattern("sori_bot_conversations_total\\{[^}]*outcome=\"contained\"");
        assertThat(scrape).containsPattern("sori_interactions_total\\{[^}]*channel=\"CHAT\"[^}]*kind=\"MESSAGE\"");
    }

    @Test
    void shouldCarryWhatTheBotSettledIntoTheFirstInteractionThatNeedsAPerson() {
        String customer = newId("cust");
        String conversationId = settledByTheBot(customer);
        try (io.sori.testsupport.TopicProbe interactions = io.sori.testsupport.TopicProbe.on(
                io.sori.events.Topics.CHANNEL_INTERACTIONS)) {
            Recorded handoff = conversations.receive(Inbound.simple(customer, Channel.CHAT, "MESSAGE", conversationId,
                    "상담원 연결해 주세요", true), c -> Mono.just(new Decision(true, "ASKED", null, null,
                    new BotMemory(0, true)))).block(WAIT);
            Recorded later = conversations.receive(Inbound.simple(customer, Channel.CHAT, "MESSAGE", conversationId,
                    "오늘 오후 2시까지 처리돼야 해요", true), c -> Mono.just(Decision.person("ASKED"))).block(WAIT);

            var first = interactions.awaitEvent(io.sori.events.channel.InteractionRecorded.class,
                    e -> e.interactionId().equals(handoff.interactionId()), WAIT).payload();
            assertThat(first.text()).isEqualTo("영업시간이 어떻게 되나요?\n상담원 연결해 주세요");
            assertThat(first.needsHuman()).isTrue();
            var next = interactions.awaitEvent(io.sori.events.channel.InteractionRecorded.class,
                    e -> e.interactionId().equals(later.interactionId()), WAIT).payload();
            assertThat(next.text()).isEqualTo("오늘 오후 2시까지 처리돼야 해요");
        }
        // the stored messages stay as the customer wrote them
        assertThat(conversation(mongo, conversationId).getList("messages", org.bson.Document.class))
                .extracting(m -> m.getString("text")).contains("상담원 연결해 주세요").doesNotContain(
                        "영업시간이 어떻게 되나요?\n상담원 연결해 주세요");
    }

    /** A conversation the bot settled on its own, recorded as the chat flow records a bot answer. */
    private String settledByTheBot(String customer) {
        return conversations.receive(Inbound.simple(customer, Channel.CHAT, "MESSAGE", null, "영업시간이 어떻게 되나요?",
                        true),
                c -> Mono.just(new Decision(false, null, null, Message.outbound(null, Message.BOT, "ANSWER",
                        "모바일 앱은 24시간 이용하실 수 있어요.", null), new BotMemory(0, false))))
                .block(WAIT).conversationId();
    }

    private void ageConversationsOf(String customer) {
        Date longAgo = Date.from(Instant.now().minus(2, ChronoUnit.HOURS));
        mongo.updateMulti(Query.query(Criteria.where("customerId").is(customer)), new Update().set("updatedAt", longAgo),
                Conversation.COLLECTION).block(WAIT);
    }

    private double closed(String channel, String outcome) {
        var counter = meters.find("sori.bot.conversations").tag("channel", channel).tag("outcome", outcome).counter();
        return counter == null ? 0 : counter.count();
    }
}
