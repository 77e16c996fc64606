package io.sori.channel.inquiry;

import io.sori.channel.conversation.ConversationService;
import io.sori.channel.conversation.Decision;
import io.sori.channel.conversation.Inbound;
import io.sori.platform.redaction.PiiRedactor;
import io.sori.channel.reentry.ReentryGuard;
import io.sori.channel.web.AttachmentMeta;
import io.sori.channel.web.IdempotencyKeys;
import io.sori.platform.web.IdempotentRequests;
import io.sori.channel.web.Ids;
import io.sori.events.channel.Channel;
import io.sori.platform.security.Actor;
import io.sori.platform.security.Role;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * 1:1 inquiry (1:1 문의) and in-app complaint (앱 내 민원 접수). Both need a person; a complaint is
 * a formal complaint, which starts the regulatory clock in ticket-service.
 */
@RestController
@RequestMapping("/api/channels/inquiries")
class InquiryController {

    enum Kind { INQUIRY, COMPLAINT }

    private final ConversationService conversations;
    private final ReentryGuard reentry;
    private final PiiRedactor redactor;
    private final IdempotentRequests idempotent;

    InquiryController(ConversationService conversations, ReentryGuard reentry, PiiRedactor redactor,
            IdempotentRequests idempotent) {
        this.conversations = conversations;
        this.reentry = reentry;
        this.redactor = redactor;
        this.idempotent = idempotent;
    }

    /**
     * @param category       the category the customer chose in the app's form (a hint), e.g. CARD, FX
     * @param conversationId an earlier inquiry this one adds to, if any
     */
    record InquiryRequest(
            @NotBlank @Pattern(regexp = Ids.PATTERN, message = "must be a customer id") String customerId,
            @NotNull Kind kind,
            @Pattern(regexp = "[A-Z][A-Z_]{0,39}", message = "must be a category such as CARD or LOAN_JEONSE") String category,
            @NotBlank @Size(max = 200) String subject,
            @NotBlank @Size(max = 10_000) String text,
            Instant deadlineAt,
            @Pattern(regexp = Ids.PATTERN, message = "must be a conversation id") String conversationId,
            Boolean identityVerified,
            Boolean vulnerableCustomer,
            @Valid @Size(max = 10) List<AttachmentMeta> attachments) {
    }

    record Accepted(String interactionId, String conversationId) {
    }

    @PostMapping
    @ResponseStatus(HttpStatus.ACCEPTED)
    Mono<Accepted> receive(Actor actor, @Valid @RequestBody InquiryRequest request,
            @RequestHeader(value = IdempotencyKeys.HEADER, required = false) String idempotencyKey) {
        actor.require(Role.CHANNEL);
        String key = IdempotencyKeys.threadKey(idempotencyKey);
        Channel channel = request.kind() == Kind.COMPLAINT ? Channel.COMPLAINT : Channel.INQUIRY;
        String subject = redactor.redact(request.subject().strip());
        String text = redactor.redact(request.text().strip());
        Inbound inbound = new Inbound(request.customerId(), channel, request.kind().name(), request.conversationId(),
                IdempotencyKeys.keys(key), IdempotencyKeys.keys(key), key, subject, text,
                AttachmentMeta.redacted(request.attachments(), redactor),
                Boolean.TRUE.equals(request.identityVerified()), request.category(), request.deadlineAt(),
                request.kind() == Kind.COMPLAINT, Boolean.TRUE.equals(request.vulnerableCustomer()), null);
        return idempotent.claim(key, "inquiry", request)
                .then(Mono.defer(() -> reentry.admit(request.customerId(), channel, subject + "\n" + text,
                        request.category())))
                .flatMap(admission -> conversations.receive(inbound, conversation -> Mono.just(
                        admission.emergencyOfBlockedCustomer()
                                ? new Decision(true, "URGENT", admission.emergency().get(), null, null)
                                : Decision.person("CHANNEL"))))
                .map(recorded -> new Accepted(recorded.interactionId(), recorded.conversationId()));
    }
}
