package io.sori.channel.conversation;

import io.sori.events.channel.Attachment;
import java.time.Instant;
import java.util.List;

/**
 * One message of a conversation, either direction. Customer text is PII-redacted before it
 * gets here; attachments are metadata only.
 *
 * @param from       CUSTOMER, BOT, SYSTEM or AGENT
 * @param kind       MESSAGE, CALL, CALLBACK, EMAIL, INQUIRY, COMPLAINT for what the customer sent; REPLY,
 *                   NOTICE or SURVEY for what the bank sent
 * @param externalId the channel's own id (an email's Message-ID, a call record, an idempotency key), so a
 *                   re-sent contact is recognised
 * @param articleId  the knowledge-base article a bot answer came from
 */
public record Message(String id, String from, String kind, String text, Instant at, String subject,
        List<Attachment> attachments, String externalId, String articleId) {

    public static final String CUSTOMER = "CUSTOMER";
    public static final String BOT = "BOT";
    public static final String SYSTEM = "SYSTEM";
    public static final String AGENT = "AGENT";

    public Message {
        attachments = attachments == null ? List.of() : List.copyOf(attachments);
    }

    public static Message outbound(String id, String from, String kind, String text, Instant at) {
        return new Message(id, from, kind, text, at, null, List.of(), null, null);
    }

    public boolean fromCustomer() {
        return CUSTOMER.equals(from);
    }
}
