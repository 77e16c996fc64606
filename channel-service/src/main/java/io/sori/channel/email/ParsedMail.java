package io.sori.channel.email;

import io.sori.events.channel.Attachment;
import java.util.List;

/**
 * An inbound email reduced to what Sori keeps: addresses, threading ids, subject, the text body,
 * and attachments' metadata (never their content). Not yet redacted.
 */
public record ParsedMail(String from, String to, String subject, String text, String messageId, String inReplyTo,
        List<String> references, List<Attachment> attachments) {

    public ParsedMail {
        references = references == null ? List.of() : List.copyOf(references);
        attachments = attachments == null ? List.of() : List.copyOf(attachments);
    }
}
