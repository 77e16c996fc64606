package io.sori.events.blocklist;

/**
 * The customer was warned about their conduct toward an agent; the channel tells them in the live
 * conversation.
 *
 * @param reason         PROFANITY, THREAT, SEXUAL_HARASSMENT, OBSTRUCTION or SPAM
 * @param warnings       how many warnings the customer has had, this one included
 * @param conversationId the conversation the conduct happened in, when known (null: every live one)
 */
public record CustomerWarned(String customerId, String reportId, String reason, int warnings, BlockState state,
        String conversationId) implements BlocklistEvent {

    public CustomerWarned(String customerId, String reportId, String reason, int warnings, BlockState state) {
        this(customerId, reportId, reason, warnings, state, null);
    }
}
