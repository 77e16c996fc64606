package io.sori.events.channel;

import java.time.Instant;
import java.util.List;

/**
 * One thing a customer said on one channel, normalised. {@code needsHuman} tells
 * ticket-service whether this is work for a person, so it never has to guess. The text
 * is already PII-redacted.
 *
 * @param kind         MESSAGE, CALL, EMAIL, INQUIRY or COMPLAINT
 * @param categoryHint the channel's own idea of the category (IVR choice, app menu), may be null
 * @param deadlineAt   a deadline the customer named, may be null
 * @param handoffReason why a person is needed (ASKED, UNANSWERED, URGENT, UPSET, CHANNEL), may be null
 * @param formalComplaint a formal complaint (민원): starts the regulatory clock
 * @param vulnerableCustomer the channel platform flags an elderly customer or one who needs accessibility help,
 *                     or the customer said so ("70대", "글씨가 안 보여서")
 * @param identityVerified the customer passed the channel's identification for this contact (app or messenger
 *                     login, the telephony platform's or the agent's check); an email alone never counts
 * @param upset        this very message reads as angry (swearing, shouting, "도대체 왜 이렇게..."); absent in
 *                     events of older producers, which reads as false
 */
public record InteractionRecorded(
        String interactionId,
        String conversationId,
        String customerId,
        Channel channel,
        String kind,
        boolean identityVerified,
        String subject,
        String text,
        String categoryHint,
        Instant deadlineAt,
        boolean needsHuman,
        String handoffReason,
        boolean formalComplaint,
        List<Attachment> attachments,
        Instant receivedAt,
        boolean vulnerableCustomer,
        boolean upset) implements ChannelEvent {

    public InteractionRecorded {
        attachments = attachments == null ? List.of() : List.copyOf(attachments);
    }

    /** An interaction that reads calm. */
    public InteractionRecorded(String interactionId, String conversationId, String customerId, Channel channel,
            String kind, boolean identityVerified, String subject, String text, String categoryHint,
            Instant deadlineAt, boolean needsHuman, String handoffReason, boolean formalComplaint,
            List<Attachment> attachments, Instant receivedAt, boolean vulnerableCustomer) {
        this(interactionId, conversationId, customerId, channel, kind, identityVerified, subject, text, categoryHint,
                deadlineAt, needsHuman, handoffReason, formalComplaint, attachments, receivedAt, vulnerableCustomer,
                false);
    }

    @Override
    public String aggregateId() {
        return conversationId;
    }
}
