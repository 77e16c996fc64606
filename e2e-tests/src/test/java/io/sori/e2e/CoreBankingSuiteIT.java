package io.sori.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.sori.events.EventEnvelope;
import io.sori.events.Topics;
import io.sori.events.banking.EmergencyAction;
import io.sori.events.banking.EmergencyActionCompleted;
import io.sori.events.banking.EmergencyActionFailed;
import io.sori.events.banking.EmergencyActionRequested;
import io.sori.launcher.SoriStack;
import io.sori.testsupport.StackAvailableCondition;
import io.sori.testsupport.TopicProbe;
import io.sori.testsupport.Tokens;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The suite as the launcher starts it includes a simulated core-banking system that answers
 * emergency actions on the banking topics of the suite's own broker.
 */
@ExtendWith({StackAvailableCondition.class, SuiteExtension.class})
class CoreBankingSuiteIT {

    private static final String SIMULATOR = "core-banking-simulator";
    private static final Duration WAIT = Duration.ofSeconds(60);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    void shouldAnswerAFreezeWithAReferenceAndAFailingCustomerWithAReason() throws Exception {
        SoriStack stack = SuiteExtension.stack();
        String customer = "cust-" + UUID.randomUUID();
        String failing = "cust-fail-" + UUID.randomUUID();
        String freeze = "act-" + UUID.randomUUID();
        String refused = "act-" + UUID.randomUUID();

        try (TopicProbe answers = TopicProbe.on(stack.kafkaBootstrap(), Topics.BANKING_EVENTS)) {
            TopicProbe.send(stack.kafkaBootstrap(), request(freeze, customer, EmergencyAction.FREEZE_ACCOUNT));
            TopicProbe.send(stack.kafkaBootstrap(), request(refused, failing, EmergencyAction.SUSPEND_CARD));

            EventEnvelope<EmergencyActionCompleted> done = answers.awaitEvent(EmergencyActionCompleted.class,
                    e -> e.actionId().equals(freeze), WAIT);
            assertThat(done.payload().bankReference()).matches("FRZ-\\d{8}-\\d{6}");
            EventEnvelope<EmergencyActionFailed> failed = answers.awaitEvent(EmergencyActionFailed.class,
                    e -> e.actionId().equals(refused), WAIT);
            assertThat(failed.payload().reason()).contains("timeout");
        }

        URI simulator = URI.create("http://127.0.0.1:" + stack.port(SIMULATOR));
        HttpResponse<String> standing = http.send(HttpRequest.newBuilder(
                simulator.resolve("/api/core-banking/customers/" + customer)).timeout(Duration.ofSeconds(15))
                .header("Authorization", "Bearer " + Tokens.valid("bank-operator", java.util.List.of("ADMIN"), null))
                .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(standing.statusCode()).as(standing.body()).isEqualTo(200);
        JsonNode body = json.readTree(standing.body());
        assertThat(body.get("accountFrozen").asBoolean()).isTrue();
        assertThat(body.at("/accountFreeze/actionId").asString()).isEqualTo(freeze);
    }

    private static EventEnvelope<EmergencyActionRequested> request(String actionId, String customer,
            EmergencyAction action) {
        return EventEnvelope.of(new EmergencyActionRequested(actionId, "ticket-" + UUID.randomUUID(), customer, action,
                "보이스피싱 의심 신고"), "corr-" + UUID.randomUUID(), Instant.now());
    }
}
