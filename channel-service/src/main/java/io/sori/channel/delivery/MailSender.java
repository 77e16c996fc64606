package io.sori.channel.delivery;

import java.util.List;
import reactor.core.publisher.Mono;

/** Sends an email (the outside world: the bank's SMTP relay). */
public interface MailSender {

    /**
     * @param messageId  the Message-ID to give the mail (deterministic per delivery, so a resend is recognisable)
     * @param inReplyTo  the customer's Message-ID this answers, or null
     * @param references the thread's Message-IDs, oldest first
     */
    record Mail(String messageId, String to, String subject, String text, String inReplyTo, List<String> references) {

        public Mail {
            references = references == null ? List.of() : List.copyOf(references);
        }
    }

    Mono<Void> send(Mail mail);
}
