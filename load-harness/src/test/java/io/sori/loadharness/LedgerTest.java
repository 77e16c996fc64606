package io.sori.loadharness;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class LedgerTest {

    private static final long MS = 1_000_000L;

    @Test
    void shouldCallARunCleanWhenEveryAcceptedMessageHasExactlyOneTicket() {
        Ledger ledger = new Ledger();
        ledger.accepted("c1", "chat", 0, true);
        ledger.accepted("c2", "email", 10 * MS, true);
        ledger.ticketCreated("c1", "t1", 120 * MS);
        ledger.ticketCreated("c2", "t2", 310 * MS);

        Ledger.Verdict v = ledger.verdict(Map.of("c1", 1, "c2", 1));

        assertThat(v.clean()).isTrue();
        assertThat(v.expected()).isEqualTo(2);
        assertThat(v.checked()).isEqualTo(2);
        assertThat(ledger.outstanding()).isZero();
        assertThat(ledger.toCreated().getTotalCount()).isEqualTo(2);
        assertThat(ledger.toCreated().getMaxValue() / 1000).isBetween(299L, 301L);
    }

    @Test
    void shouldFindTheLostAndTheDoubledByTheFinalReadAndByTheEvents() {
        Ledger ledger = new Ledger();
        ledger.accepted("lost", "inquiry", 0, true);
        ledger.accepted("twice-read", "phone", 0, true);
        ledger.accepted("twice-seen", "talk", 0, true);
        ledger.ticketCreated("twice-read", "t1", MS);
        ledger.ticketCreated("twice-seen", "t2", MS);
        ledger.ticketCreated("twice-seen", "t3", 2 * MS);

        Ledger.Verdict v = ledger.verdict(Map.of("lost", 0, "twice-read", 2, "twice-seen", 1));

        assertThat(v.lost()).containsExactly("lost");
        assertThat(v.duplicated()).containsExactlyInAnyOrder("twice-read", "twice-seen");
        assertThat(v.clean()).isFalse();
    }

    @Test
    void shouldCountARedeliveredTicketCreatedOnceAndTimeTheFirst() {
        Ledger ledger = new Ledger();
        ledger.accepted("c1", "chat", 0, true);
        ledger.ticketCreated("c1", "t1", 200 * MS);
        ledger.ticketCreated("c1", "t1", 900 * MS); // the outbox published it again after a crash

        assertThat(ledger.verdict(Map.of()).duplicated()).isEmpty();
        assertThat(ledger.toCreated().getTotalCount()).isEqualTo(1);
        assertThat(ledger.toCreated().getMaxValue() / 1000).isBetween(199L, 201L);
    }

    @Test
    void shouldTimeATicketWhoseEventArrivedBeforeTheAnswerWasReadFromTheAnswer() {
        Ledger ledger = new Ledger();
        assertThat(ledger.isOurs("fast")).isFalse();
        ledger.sent("fast");
        assertThat(ledger.isOurs("fast")).isTrue();
        ledger.ticketCreated("fast", "t1", 5 * MS);
        ledger.accepted("fast", "chat", 9 * MS, true);

        assertThat(ledger.outstanding()).isZero();
        assertThat(ledger.toCreated().getTotalCount()).isEqualTo(1);
        assertThat(ledger.toCreated().getMaxValue()).isLessThan(10);
        assertThat(ledger.verdict(Map.of("fast", 1)).clean()).isTrue();
    }

    @Test
    void shouldExpectNoTicketWhenTheBotAnsweredAndReportOneMadeAnyway() {
        Ledger ledger = new Ledger();
        ledger.accepted("answered", "chat", 0, false);
        ledger.unacknowledged("timed-out");
        ledger.ticketCreated("timed-out", "t9", MS);
        ledger.ticketCreated("answered", "t8", MS);

        Ledger.Verdict v = ledger.verdict(Map.of());

        assertThat(v.expected()).isZero();
        assertThat(v.unexpectedTickets()).isEqualTo(1);
        assertThat(v.unacknowledged()).isEqualTo(1);
        assertThat(v.ticketsFromUnacknowledged()).isEqualTo(1);
        assertThat(ledger.outstanding()).isZero();
    }

    @Test
    void shouldKeepAnAcceptedMessageOutstandingUntilItsTicketIsSeen() {
        Ledger ledger = new Ledger();
        ledger.accepted("c1", "email", 0, true);
        assertThat(ledger.outstanding()).isEqualTo(1);
        assertThat(ledger.verdict(Map.of()).lost()).containsExactly("c1");
        ledger.ticketCreated("c1", "t1", MS);
        assertThat(ledger.outstanding()).isZero();
    }
}
