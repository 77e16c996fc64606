package io.sori.channel.phone;

import io.sori.channel.ChannelSettings;
import io.sori.channel.contact.ContactBook;
import io.sori.channel.conversation.CallbackTask;
import io.sori.channel.conversation.ConversationService;
import io.sori.channel.conversation.Decision;
import io.sori.channel.conversation.Inbound;
import io.sori.platform.redaction.PiiRedactor;
import io.sori.channel.reentry.BlockNotices;
import io.sori.channel.web.IdempotencyKeys;
import io.sori.platform.web.IdempotentRequests;
import io.sori.channel.web.Ids;
import io.sori.events.channel.CallbackRequested;
import io.sori.events.channel.Channel;
import io.sori.platform.security.Actor;
import io.sori.platform.security.Role;
import io.sori.platform.web.ProblemException;
import io.sori.platform.web.RequestIds;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * Phone: call records from the telephony platform (the line and the IVR choice become the category
 * hint) and callback requests (a task due by the end of the customer's window). Both need a person.
 */
@RestController
@RequestMapping("/api/channels/phone")
class PhoneController {

    static final String PHONE_PATTERN = "\\+?[0-9][0-9 ()-]{6,19}";
    static final Duration LONGEST_WINDOW = Duration.ofDays(14);

    enum Direction { INBOUND, OUTBOUND }

    private final ConversationService conversations;
    private final ContactBook contacts;
    private final PiiRedactor redactor;
    private final ChannelSettings settings;
    private final Clock clock;
    private final IdempotentRequests idempotent;

    PhoneController(ConversationService conversations, ContactBook contacts, PiiRedactor redactor,
            ChannelSettings settings, Clock clock, IdempotentRequests idempotent) {
        this.conversations = conversations;
        this.contacts = contacts;
        this.redactor = redactor;
        this.settings = settings;
        this.clock = clock;
        this.idempotent = idempotent;
    }

    /**
     * @param line      the number the customer called: GENERAL, CARD_LOSS, FRAUD, LOAN_JEONSE, FX, ...
     * @param ivrChoice the IVR menu path the customer chose, e.g. "1" or "2-1"
     * @param phoneNumber the customer's number, if the telephony platform knows it (kept for answers by SMS)
     */
    record CallRecord(
            @NotBlank @Pattern(regexp = Ids.PATTERN, message = "must be a customer id") String customerId,
            @NotBlank @Pattern(regexp = Ids.PATTERN, message = "must be a call id") String callId,
            @NotNull Direction direction,
            @Pattern(regexp = "[A-Z][A-Z_]{0,39}", message = "must be a line such as GENERAL or CARD_LOSS") String line,
            @Pattern(regexp = "[0-9*#]{1,5}(-[0-9*#]{1,5}){0,4}", message = "must be an IVR menu path such as 2-1") String ivrChoice,
            @NotNull Instant startedAt,
            Instant endedAt,
            @NotBlank @Size(max = 10_000) String summary,
            @Pattern(regexp = PHONE_PATTERN, message = "must be a phone number") String phoneNumber,
            Boolean identityVerified,
            Boolean vulnerableCustomer) {
    }

    record CallAccepted(String interactionId, String conversationId) {
    }

    @PostMapping("/calls")
    @ResponseStatus(HttpStatus.ACCEPTED)
    Mono<CallAccepted> call(Actor actor, @Valid @RequestBody CallRecord call) {
        actor.require(Role.CHANNEL);
        if (call.endedAt() != null && call.endedAt().isBefore(call.startedAt())) {
            throw ProblemException.badRequest("endedAt", "must not be before startedAt");
        }
        String callKey = "call:" + call.callId();
        // an ongoing call and its finished record are two contacts; the same record sent again is one
        String externalId = callKey + (call.endedAt() == null ? ":open" : ":ended");
        String summary = redactor.redact(call.summary().strip());
        Inbound inbound = new Inbound(call.customerId(), Channel.PHONE, "CALL", null, List.of(callKey),
                List.of(callKey), externalId, null, summary, List.of(),
                Boolean.TRUE.equals(call.identityVerified()), categoryHint(call.line(), call.ivrChoice()), null,
                false, Boolean.TRUE.equals(call.vulnerableCustomer()), null);
        Mono<Void> learn = call.phoneNumber() == null ? Mono.empty()
                : contacts.learnPhone(call.customerId(), call.phoneNumber());
        return learn.then(conversations.receive(inbound, c -> Mono.just(Decision.person("CHANNEL"))))
                .map(recorded -> new CallAccepted(recorded.interactionId(), recorded.conversationId()));
    }

    /** The IVR choice when the menu maps it, else the line when it names a category; GENERAL is no hint. */
    String categoryHint(String line, String ivrChoice) {
        if (ivrChoice != null && settings.ivrCategories().containsKey(ivrChoice)) {
            return settings.ivrCategories().get(ivrChoice);
        }
        if (line == null || line.equals("GENERAL")) {
            return null;
        }
        return line.toUpperCase(Locale.ROOT);
    }

    record CallbackRequest(
            @NotBlank @Pattern(regexp = Ids.PATTERN, message = "must be a customer id") String customerId,
            @NotBlank @Pattern(regexp = PHONE_PATTERN, message = "must be a phone number") String phoneNumber,
            @NotNull Instant preferredFrom,
            @NotNull Instant preferredTo,
            @NotBlank @Size(max = 1000) String reason,
            @Pattern(regexp = "[A-Z][A-Z_]{0,39}", message = "must be a category such as CARD") String category,
            Boolean identityVerified,
            Boolean vulnerableCustomer) {
    }

    record CallbackAccepted(String callbackId, String conversationId, String interactionId, Instant dueAt) {
    }

    @PostMapping("/callbacks")
    @ResponseStatus(HttpStatus.ACCEPTED)
    Mono<CallbackAccepted> callback(Actor actor, @Valid @RequestBody CallbackRequest request,
            @RequestHeader(value = IdempotencyKeys.HEADER, required = false) String idempotencyKey) {
        actor.require(Role.CHANNEL);
        Instant now = clock.instant();
        if (!request.preferredTo().isAfter(request.preferredFrom())) {
            throw ProblemException.badRequest("preferredTo", "must be after preferredFrom");
        }
        if (!request.preferredTo().isAfter(now)) {
            throw ProblemException.badRequest("preferredTo", "must be in the future");
        }
        if (Duration.between(now, request.preferredTo()).compareTo(LONGEST_WINDOW) > 0) {
            throw ProblemException.badRequest("preferredTo", "must be within 14 days");
        }
        String key = IdempotencyKeys.threadKey(idempotencyKey);
        String reason = redactor.redact(request.reason().strip());
        String masked = redactor.redact(request.phoneNumber().strip());
        String callbackId = "cb-" + java.util.UUID.randomUUID();
        // an elderly customer, or one who cannot use the app, is served first and by phone
        List<String> needs = CallerNeeds.of(request.reason()).stream().map(Enum::name).toList();
        boolean vulnerable = Boolean.TRUE.equals(request.vulnerableCustomer()) || !needs.isEmpty();
        String text = "콜백 요청: " + reason + " (희망 시간 " + BlockNotices.at(request.preferredFrom()) + " ~ "
                + BlockNotices.at(request.preferredTo()) + ")";
        Inbound inbound = new Inbound(request.customerId(), Channel.PHONE, "CALLBACK", null,
                IdempotencyKeys.keys(key), IdempotencyKeys.keys(key, "callback:" + callbackId), key, "콜백 요청", text,
                List.of(), Boolean.TRUE.equals(request.identityVerified()), request.category(), request.preferredTo(),
                false, vulnerable, null);
        return idempotent.claim(key, "callback", request)
                .then(Mono.defer(() -> contacts.learnPhone(request.customerId(), request.phoneNumber())))
                .then(Mono.defer(() -> contacts.learnCallbackNumber(callbackId, request.customerId(),
                        request.phoneNumber())))
                .then(conversations.receive(inbound, conversation -> RequestIds.correlationId().defaultIfEmpty("")
                        .map(correlationId -> {
                            if (conversation.callback() == null) {
                                // one write: the task, the interaction for the ticket and the callback event
                                conversation.callback(new CallbackTask(callbackId, "CUSTOMER_REQUEST", masked,
                                        request.preferredFrom(), request.preferredTo(), request.preferredTo(), reason,
                                        "OPEN", vulnerable, needs));
                                conversation.record(new CallbackRequested(callbackId, request.customerId(), masked,
                                        request.preferredFrom(), request.preferredTo(), reason), correlationId, now);
                            }
                            return Decision.person("CALLBACK");
                        })).flatMap(recorded -> conversations.find(recorded.conversationId())
                        .map(c -> new CallbackAccepted(c.callback() == null ? null : c.callback().callbackId(),
                                c.id(), recorded.interactionId(), c.callback() == null ? null : c.callback().dueAt()))));
    }
}
