package io.sori.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.sori.launcher.SoriStack;
import io.sori.loadharness.Fault;
import io.sori.loadharness.FaultRun;
import io.sori.loadharness.FaultVerdict;
import io.sori.testsupport.StackAvailableCondition;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.ClassOrderer;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Faults under load against the whole suite, the short versions of {@code ./bench --fault}: new
 * customers write in through the gateway on every channel (chat, talk, 1:1 inquiry, email, phone)
 * while one process is stopped mid-burst and started again. Afterwards every accepted message that
 * needed a person has exactly one ticket, read back from ticket-service one by one, every service's
 * outbox is empty and no service's consumer is behind; the output says how long recovery took.
 *
 * <p>The suite is shared with the other classes of this JVM: each test leaves every process running
 * and ready, and the class runs last ({@link ClassOrderer.OrderAnnotation} is the order configured in
 * this module's {@code junit-platform.properties}; the others keep the default order).
 */
@Order(Integer.MAX_VALUE)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@ExtendWith({StackAvailableCondition.class, SuiteExtension.class})
class FaultsUnderLoadIT {

    /** Modest: the point is what a fault does to accepted messages, not the suite's capacity (see ./bench). */
    private static final int RATE = 20;
    private static final Duration BURST = Duration.ofSeconds(10);
    private static final Duration FAULT_AT = Duration.ofSeconds(3);
    private static final Duration DOWN = Duration.ofSeconds(5);
    private static final Duration SETTLE = Duration.ofSeconds(120);

    @BeforeAll
    static void startFromAQuietSuite() throws InterruptedException {
        SuiteExtension.stack().awaitServicesReady(Duration.ofMinutes(3));
    }

    @AfterEach
    void leaveTheSuiteRunningAndReady() throws InterruptedException {
        SoriStack stack = SuiteExtension.stack();
        for (String process : stack.processNames()) {
            if (!stack.isRunning(process)) {
                stack.restart(process);
            }
        }
        stack.awaitServicesReady(Duration.ofMinutes(3));
    }

    @Test
    @Order(1)
    void shouldTicketEveryAcceptedMessageExactlyOnceWhenTicketServiceStopsMidBurstAndStartsAgain()
            throws InterruptedException {
        FaultVerdict v = run(Fault.STOP_TICKET_SERVICE, false);

        assertNothingLostNothingStuck(v);
    }

    @Test
    @Order(2)
    void shouldTicketEveryAcceptedMessageExactlyOnceWhenTheKafkaBrokerRestartsMidBurst() throws InterruptedException {
        assumeTrue(SuiteExtension.stack().processNames().contains(SoriStack.KAFKA),
                "the broker is not the launcher's to restart (an external Kafka)");

        FaultVerdict v = run(Fault.RESTART_KAFKA, false);

        assertNothingLostNothingStuck(v);
    }

    @Test
    @Order(3)
    void shouldStillAnswerEveryCustomerAndLoseNothingWhileKbServiceIsDown() throws InterruptedException {
        FaultVerdict v = run(Fault.STOP_KB_SERVICE, true);

        assertNothingLostNothingStuck(v);
        // the chatbot hands off when the knowledge base is away: an answer, never an error
        assertThat(v.answers("intake.chat", 5) + v.answers("intake.talk", 5)).as(v.summary()).isZero();
        assertThat(v.chatsWithoutReply()).as(v.summary()).isZero();
    }

    private static FaultVerdict run(Fault fault, boolean botQuestions) throws InterruptedException {
        FaultVerdict v = FaultRun.on(SuiteExtension.stack(), fault).rate(RATE).duration(BURST).faultAt(FAULT_AT)
                .faultDown(DOWN).settle(SETTLE).botQuestions(botQuestions).run();
        System.out.printf("[faults] %s: recovered %.1f s after the restart (%s ready after %.1f s, tickets caught up"
                + " after %.1f s)%n", fault.option(), v.recoverySeconds(), fault.process(), v.readyAfterRestart(),
                v.ticketsCaughtUpAfterRestart());
        return v;
    }

    private static void assertNothingLostNothingStuck(FaultVerdict v) {
        assertThat(v.failure()).as(v.summary()).isNull();
        // most messages were accepted (the rule is about those), and some of them needed a person
        assertThat(v.accepted()).as(v.summary()).isGreaterThanOrEqualTo(v.sent() * 9 / 10);
        assertThat(v.expectedTickets()).as(v.summary()).isPositive();
        assertThat(v.checkedByApi()).as(v.summary()).isEqualTo(v.expectedTickets());
        assertThat(v.lost()).as(v.summary()).isEmpty();
        assertThat(v.duplicated()).as(v.summary()).isEmpty();
        assertThat(v.noEventStuck()).as("no event stuck in an outbox or unconsumed: " + v.summary()).isTrue();
        assertThat(v.recoverySeconds()).as(v.summary()).isPositive();
    }
}
