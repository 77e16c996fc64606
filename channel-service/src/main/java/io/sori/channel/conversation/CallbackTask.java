package io.sori.channel.conversation;

import java.time.Instant;
import java.util.List;

/**
 * A call the bank owes the customer: due by the end of the window the customer chose (or, for
 * a notice to a phone customer without a number for text messages, soon). The number itself
 * stays in the contact book; the task, its events and every view but the staff callback queue
 * show it masked.
 *
 * @param purpose            CUSTOMER_REQUEST or NOTICE
 * @param status             OPEN or DONE
 * @param vulnerableCustomer elderly or unable to use the app: served first, and by phone (never sent to the app)
 * @param needs              what was read from the request: ELDERLY, DIGITAL_EXCLUSION, SIGHT_OR_HEARING
 */
public record CallbackTask(String callbackId, String purpose, String phoneNumberMasked, Instant preferredFrom,
        Instant preferredTo, Instant dueAt, String reason, String status, boolean vulnerableCustomer,
        List<String> needs) {

    public CallbackTask {
        needs = needs == null ? List.of() : List.copyOf(needs);
    }
}
