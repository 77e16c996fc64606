package io.sori.channel.conversation;

import java.time.Instant;

/**
 * A call the bank owes the customer: due by the end of the window the customer chose (or, for
 * a notice to a phone customer without a number for text messages, soon). The number itself
 * stays in the contact book; the task shows it masked.
 *
 * @param purpose CUSTOMER_REQUEST or NOTICE
 * @param status  OPEN or DONE
 */
public record CallbackTask(String callbackId, String purpose, String phoneNumberMasked, Instant preferredFrom,
        Instant preferredTo, Instant dueAt, String reason, String status) {
}
