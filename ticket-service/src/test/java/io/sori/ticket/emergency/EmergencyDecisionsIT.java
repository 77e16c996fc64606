package io.sori.ticket.emergency;

import static io.sori.testsupport.Callers.agent;
import static io.sori.ticket.TicketTestSupport.message;
import static io.sori.ticket.TicketTestSupport.newId;
import static org.assertj.core.api.Assertions.assertThat;

import io.sori.events.Topics;
import io.sori.events.ticket.TicketCreated;
import io.sori.testsupport.SoriIntegrationTest;
import io.sori.testsupport.TopicProbe;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * What the words of a contact ask of core banking, end to end over the real broker and store: each
 * customer writes one message, and the banking commands topic must carry exactly the card stops and
 * account freezes a bank would want — none for a question, a denial or a hypothetical, a card stop
 * (not a freeze) for unknown card payments, and never a freeze of the complainant's own account
 * because a third party is accused.
 */
@SoriIntegrationTest
class EmergencyDecisionsIT {

    private static final Duration WAIT = Duration.ofSeconds(20);

    @Autowired
    WebTestClient http;

    @Test
    void shouldRequestExactlyTheActionsTheCustomersWordsCallFor() {
        // text → the emergency actions expected on sori.banking.commands.v1 (sorted)
        Map<String, List<String>> cases = Map.of(
                "카드 분실하면 어떻게 신고하는지 미리 알아두려고요", List.of(),
                "해킹 당한건 아닌데 로그인 기록 확인하고 싶어요", List.of(),
                "보이스피싱 예방 방법 알려주세요", List.of(),
                "모르는 결제가 3건이나 있어요 제가 한 거 아니에요", List.of("SUSPEND_CARD"),
                "중고거래 판매자가 사기꾼이에요 돈만 받고 잠적했어요 그 사람 계좌 막아주세요", List.of(),
                "검찰청이라고 해서 알려준 계좌로 500만원 보냈어요 보이스피싱 당했어요", List.of("FREEZE_ACCOUNT"),
                "지갑을 통째로 잃어버렸어요 카드 정지해주세요", List.of("SUSPEND_CARD"));
        Map<String, String> customerByText = cases.keySet().stream()
                .collect(Collectors.toMap(text -> text, text -> newId("cust")));

        try (TopicProbe tickets = TopicProbe.on(Topics.TICKETS);
                TopicProbe banking = TopicProbe.on(Topics.BANKING_COMMANDS)) {
            customerByText.forEach((text, customer) -> TopicProbe.send(message(customer, newId("conv"), text)));

            // every contact became a ticket: the decisions below were made
            customerByText.values().forEach(customer -> tickets.awaitEvent(TicketCreated.class,
                    created -> created.customerId().equals(customer), WAIT));
            List<ConsumerRecord<String, String>> commands = banking.drain(Duration.ofSeconds(3));

            cases.forEach((text, expected) -> {
                String customer = customerByText.get(text);
                List<String> requested = commands.stream()
                        .filter(r -> customer.equals(r.key())) // commands are keyed by customer
                        .map(r -> r.value().contains("\"action\":\"FREEZE_ACCOUNT\"") ? "FREEZE_ACCOUNT"
                                : r.value().contains("\"action\":\"SUSPEND_CARD\"") ? "SUSPEND_CARD" : r.value())
                        .sorted().toList();
                assertThat(requested).as(text).isEqualTo(expected);
            });
        }

        // the third party's fraud is still urgent work for a person
        String victim = customerByText.get("중고거래 판매자가 사기꾼이에요 돈만 받고 잠적했어요 그 사람 계좌 막아주세요");
        http.get().uri("/api/tickets?customerId={c}", victim).headers(agent("agent-1")).exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.items[0].category").isEqualTo("FRAUD")
                .jsonPath("$.items[0].priority").isEqualTo("URGENT")
                .jsonPath("$.items[0].emergencyActions.length()").isEqualTo(0);
    }
}
