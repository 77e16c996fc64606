package io.sori.channel.email;

import io.sori.channel.contact.ContactBook;
import io.sori.channel.conversation.ConversationService;
import io.sori.channel.conversation.Decision;
import io.sori.channel.conversation.Inbound;
import io.sori.platform.redaction.PiiRedactor;
import io.sori.channel.web.AttachmentMeta;
import io.sori.channel.web.Ids;
import io.sori.events.channel.Channel;
import io.sori.platform.security.Actor;
import io.sori.platform.security.Role;
import io.sori.platform.web.ProblemException;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.util.unit.DataSize;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Inbound email from the bank's mail gateway, as JSON or as the raw RFC 822 message. Threaded
 * by Message-ID, In-Reply-To and References into one conversation; the sender is matched to a
 * customer when the gateway did not name one (an unknown sender stays an unverified contact).
 * Every email needs a person.
 */
@RestController
@RequestMapping("/api/channels/email")
class EmailController {

    static final String RFC822 = "message/rfc822";
    /** A Message-ID, bracketed or not: no brackets inside, no spaces, no control or invisible format characters. */
    static final String MESSAGE_ID = "<?[^<>\\s\\p{Cc}\\p{Cf}]{1,250}>?";
    private static final java.util.regex.Pattern ID = java.util.regex.Pattern.compile("<[^<>\\s\\p{Cc}\\p{Cf}]{1,250}>");

    private final ConversationService conversations;
    private final ContactBook contacts;
    private final PiiRedactor redactor;
    private final MimeMailParser parser = new MimeMailParser();
    private final int maxRawBytes;

    EmailController(ConversationService conversations, ContactBook contacts, PiiRedactor redactor,
            @Value("${sori.channel.email.max-raw-size:10MB}") DataSize maxRawSize) {
        this.conversations = conversations;
        this.contacts = contacts;
        this.redactor = redactor;
        this.maxRawBytes = (int) Math.min(Integer.MAX_VALUE, maxRawSize.toBytes());
    }

    /**
     * @param references the References header: Message-IDs separated by spaces
     * @param customerId when the mail platform already matched the sender (it vouches for it)
     */
    record EmailRequest(
            @NotBlank @Email @Size(max = 254) String from,
            @Size(max = 254) String to,
            @Size(max = 500) String subject,
            @NotBlank @Size(max = 50_000) String text,
            @NotBlank @Pattern(regexp = MESSAGE_ID, message = "must be a Message-ID") String messageId,
            @Pattern(regexp = MESSAGE_ID, message = "must be a Message-ID") String inReplyTo,
            @Size(max = 4000) String references,
            @Pattern(regexp = Ids.PATTERN, message = "must be a customer id") String customerId,
            Boolean identityVerified,
            @Valid @Size(max = 20) List<AttachmentMeta> attachments) {
    }

    record Accepted(String interactionId, String conversationId, String customerId, boolean knownCustomer) {
    }

    @PostMapping(path = "/inbound", consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.ACCEPTED)
    Mono<Accepted> json(Actor actor, @Valid @RequestBody EmailRequest request) {
        actor.require(Role.CHANNEL);
        ParsedMail mail = new ParsedMail(request.from(), request.to(), request.subject(), request.text(),
                bracketed(request.messageId()), bracketed(request.inReplyTo()), ids(request.references()),
                AttachmentMeta.redacted(request.attachments(), redactor));
        return record(mail, request.customerId(), Boolean.TRUE.equals(request.identityVerified()));
    }

    @PostMapping(path = "/inbound", consumes = RFC822)
    @ResponseStatus(HttpStatus.ACCEPTED)
    Mono<Accepted> raw(Actor actor, ServerHttpRequest request) {
        actor.require(Role.CHANNEL);
        return DataBufferUtils.join(request.getBody(), maxRawBytes)
                .switchIfEmpty(Mono.error(() -> ProblemException.badRequest("body", "is empty")))
                .map(buffer -> {
                    try {
                        byte[] bytes = new byte[buffer.readableByteCount()];
                        buffer.read(bytes);
                        return bytes;
                    } finally {
                        DataBufferUtils.release(buffer);
                    }
                })
                .publishOn(Schedulers.boundedElastic())
                .map(bytes -> {
                    try {
                        return parser.parse(bytes);
                    } catch (MimeMailParser.UnreadableMailException e) {
                        throw ProblemException.badRequest("body", "is not a readable RFC 822 message");
                    }
                })
                .flatMap(mail -> {
                    if (mail.from() == null || !mail.from().contains("@")) {
                        return Mono.error(ProblemException.badRequest("From", "must name the sender's address"));
                    }
                    if (mail.text().isBlank() && mail.attachments().isEmpty()) {
                        return Mono.error(ProblemException.badRequest("body", "has no text and no attachment"));
                    }
                    return record(mail, null, false);
                });
    }

    private Mono<Accepted> record(ParsedMail mail, String namedCustomer, boolean identityVerified) {
        String from = ContactBook.normalizeEmail(mail.from());
        String messageId = mail.messageId() != null ? mail.messageId() : "<" + UUID.randomUUID() + "@inbound.sori>";
        Set<String> thread = new LinkedHashSet<>();
        thread.add(messageId);
        if (mail.inReplyTo() != null) {
            thread.add(mail.inReplyTo());
        }
        thread.addAll(mail.references());
        List<String> keys = thread.stream().map(id -> "email:" + id).toList();
        String subject = mail.subject() == null ? null : redactor.redact(mail.subject().strip());
        String text = redactor.redact(mail.text());
        var attachments = mail.attachments().stream()
                .map(a -> new io.sori.events.channel.Attachment(redactor.redact(a.filename()), a.contentType(),
                        a.sizeBytes()))
                .toList();
        Mono<Customer> customer = namedCustomer != null
                ? contacts.learnEmail(from, namedCustomer).thenReturn(new Customer(namedCustomer, true, identityVerified))
                : contacts.customerOfEmail(from).map(id -> new Customer(id, true, false))
                        .defaultIfEmpty(new Customer(ContactBook.unverifiedContactId(from), false, false));
        return customer.flatMap(who -> conversations.receive(
                        new Inbound(who.id(), Channel.EMAIL, "EMAIL", null, keys, keys, messageId, subject,
                                text.isBlank() ? "(본문 없음)" : text, attachments, who.verified(), null, null, false,
                                false, from),
                        conversation -> Mono.just(Decision.person("CHANNEL")))
                .map(recorded -> new Accepted(recorded.interactionId(), recorded.conversationId(), who.id(),
                        who.known())));
    }

    private record Customer(String id, boolean known, boolean verified) {
    }

    private static String bracketed(String id) {
        if (id == null || id.isBlank()) {
            return null;
        }
        String stripped = id.strip();
        return stripped.startsWith("<") ? stripped : "<" + stripped.replaceAll("[<>]", "") + ">";
    }

    private static List<String> ids(String references) {
        List<String> ids = new ArrayList<>();
        if (references != null) {
            for (String token : references.trim().split("[\\s,]+")) {
                if (!token.isBlank()) {
                    String id = bracketed(token);
                    if (ID.matcher(id).matches()) {
                        ids.add(id);
                    }
                }
            }
        }
        return ids.size() > 50 ? ids.subList(ids.size() - 50, ids.size()) : ids;
    }
}
