package io.sori.corebanking.simulation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sori.events.banking.EmergencyAction;
import io.sori.events.banking.EmergencyActionRequested;
import org.junit.jupiter.api.Test;

class RequestTest {

    @Test
    void shouldNeedAnActionIdAndACustomer() {
        assertThatThrownBy(() -> Request.of(new EmergencyActionRequested(" ", "t", "c", EmergencyAction.FREEZE_ACCOUNT, "r")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("actionId");
        assertThatThrownBy(() -> Request.of(new EmergencyActionRequested("a", "t", null, EmergencyAction.FREEZE_ACCOUNT, "r")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("customer");
    }

    @Test
    void shouldKeepABoundedNoteOfTheReason() {
        Request request = new Request("a", "t", "c", EmergencyAction.SUSPEND_CARD, "분".repeat(2_000));

        assertThat(request.reason()).hasSize(Request.MAX_REASON_LENGTH);
    }

    @Test
    void shouldTakeAnUnknownActionAsNoAction() {
        Request request = Request.of(new EmergencyActionRequested("a", "t", "c", null, null));

        assertThat(request.action()).isNull();
        assertThat(request.ticketId()).isEqualTo("t");
    }
}
