package io.sori.channel.delivery;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Sends mail over SMTP with Jakarta Mail: UTF-8 subject (RFC 2047) and body, threaded to the
 * customer's mail. SMTP is blocking I/O, so it runs on the bounded-elastic scheduler, never on
 * an event loop. With SMTP off, mail is only recorded in the log.
 */
public class SmtpMailSender implements MailSender {

    private static final Logger log = LoggerFactory.getLogger(SmtpMailSender.class);

    private final SmtpSettings settings;
    private final Session session;

    public SmtpMailSender(SmtpSettings settings) {
        this.settings = settings;
        Properties props = new Properties();
        props.put("mail.transport.protocol", "smtp");
        props.put("mail.smtp.host", settings.host());
        props.put("mail.smtp.port", String.valueOf(settings.port()));
        props.put("mail.smtp.connectiontimeout", String.valueOf(settings.timeout().toMillis()));
        props.put("mail.smtp.timeout", String.valueOf(settings.timeout().toMillis()));
        props.put("mail.smtp.writetimeout", String.valueOf(settings.timeout().toMillis()));
        props.put("mail.smtp.starttls.enable", String.valueOf(settings.startTls()));
        boolean auth = settings.username() != null && !settings.username().isBlank();
        props.put("mail.smtp.auth", String.valueOf(auth));
        this.session = Session.getInstance(props);
    }

    @Override
    public Mono<Void> send(Mail mail) {
        if (!settings.enabled()) {
            return Mono.fromRunnable(() -> log.info("SMTP is off: mail {} recorded, not sent", mail.messageId()));
        }
        return Mono.<Void>fromCallable(() -> {
            transmit(mail);
            return null;
        }).subscribeOn(Schedulers.boundedElastic());
    }

    private void transmit(Mail mail) throws MessagingException {
        MimeMessage message = new FixedIdMessage(session, mail.messageId());
        message.setFrom(new InternetAddress(settings.from(), true));
        message.setRecipients(Message.RecipientType.TO, InternetAddress.parse(mail.to(), true));
        message.setSubject(mail.subject(), StandardCharsets.UTF_8.name());
        message.setText(mail.text(), StandardCharsets.UTF_8.name());
        message.setSentDate(new Date());
        if (mail.inReplyTo() != null) {
            message.setHeader("In-Reply-To", mail.inReplyTo());
        }
        if (!mail.references().isEmpty()) {
            message.setHeader("References", String.join(" ", mail.references()));
        }
        if (settings.username() != null && !settings.username().isBlank()) {
            Transport.send(message, settings.username(), settings.password());
        } else {
            Transport.send(message);
        }
        log.info("mail {} sent over SMTP", mail.messageId());
    }

    /** Keeps the Message-ID the delivery chose instead of the one Jakarta Mail would invent. */
    private static final class FixedIdMessage extends MimeMessage {

        private final String id;

        FixedIdMessage(Session session, String id) {
            super(session);
            this.id = id;
        }

        @Override
        protected void updateMessageID() throws MessagingException {
            setHeader("Message-ID", id);
        }
    }
}
