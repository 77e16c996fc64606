package io.sori.channel.conversation;

import io.sori.events.channel.Attachment;
import io.sori.events.channel.Channel;
import java.time.Instant;
import java.util.List;

/**
 * One contact from any channel, normalised and already redacted, to be recorded in a
 * conversation.
 *
 * @param conversationId an explicit conversation to continue (chat, talk, inquiry), or null
 * @param lookupKeys     thread keys that find an existing conversation (an email's Message-ID, In-Reply-To
 *                       and References, a call id, an idempotency key)
 * @param ownKeys        thread keys this contact adds to its conversation
 * @param externalId     the channel's id of this very contact; a second contact with the same id is the
 *                       same contact, recorded once
 * @param contactAddress where answers go (an email address), kept on the conversation only
 */
public record Inbound(String customerId, Channel channel, String kind, String conversationId,
        List<String> lookupKeys, List<String> ownKeys, String externalId, String subject, String text,
        List<Attachment> attachments, boolean identityVerified, String categoryHint, Instant deadlineAt,
        boolean formalComplaint, boolean vulnerableCustomer, String contactAddress) {

    public Inbound {
        lookupKeys = lookupKeys == null ? List.of() : List.copyOf(lookupKeys);
        ownKeys = ownKeys == null ? List.of() : List.copyOf(ownKeys);
        attachments = attachments == null ? List.of() : List.copyOf(attachments);
    }

    /** A contact on a channel with no threading beyond an explicit conversation id. */
    public static Inbound simple(String customerId, Channel channel, String kind, String conversationId,
            String text, boolean identityVerified) {
        return new Inbound(customerId, channel, kind, conversationId, List.of(), List.of(), null, null, text,
                List.of(), identityVerified, null, null, false, false, null);
    }
}
