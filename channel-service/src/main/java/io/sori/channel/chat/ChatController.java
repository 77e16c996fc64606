package io.sori.channel.chat;

import io.sori.channel.bot.BotState;
import io.sori.channel.bot.service.ChatbotService;
import io.sori.channel.conversation.BotMemory;
import io.sori.channel.conversation.Conversation;
import io.sori.channel.conversation.ConversationService;
import io.sori.channel.conversation.Decision;
import io.sori.channel.conversation.Inbound;
import io.sori.channel.conversation.Message;
import io.sori.channel.journey.TicketView;
import io.sori.channel.journey.TicketViews;
import io.sori.platform.redaction.PiiRedactor;
import io.sori.channel.reentry.ReentryGuard;
import io.sori.channel.reentry.UrgentReport;
import io.sori.channel.web.AttachmentMeta;
import io.sori.channel.web.IdempotencyKeys;
import io.sori.platform.web.IdempotentRequests;
import io.sori.channel.web.Ids;
import io.sori.events.channel.Channel;
import io.sori.platform.intent.IntentModel;
import io.sori.platform.security.Actor;
import io.sori.platform.security.Role;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Optional;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * In-app chat and messenger talk: one contract, two channels. The chatbot ({@link ChatbotService})
 * answers first; a handoff makes the conversation work for a person, and every later message
 * goes to the person. Text is redacted before the bot, the store or Kafka see it.
 */
@RestController
@RequestMapping("/api/channels")
class ChatController {

    static final String HANDED_OFF_ACK = "상담사에게 전달했어요. 상담사가 곧 답변드릴게요.";
    static final String EMERGENCY_ACK = "긴급 신고로 접수했어요. 상담사가 바로 도와드릴게요. 급하시면 고객센터로 전화 주세요.";

    /** Sori's one reading of customer text; here for a complaint said in chat ("민원 넣겠습니다"). */
    private static final IntentModel INTENTS = IntentModel.withDefaults();

    private final ConversationService conversations;
    private final ChatbotService chatbot;
    private final ReentryGuard reentry;
    private final TicketViews tickets;
    private final PiiRedactor redactor;
    private final IdempotentRequests idempotent;

    ChatController(ConversationService conversations, ChatbotService chatbot, ReentryGuard reentry,
            TicketViews tickets, PiiRedactor redactor, IdempotentRequests idempotent) {
        this.conversations = conversations;
        this.chatbot = chatbot;
        this.reentry = reentry;
        this.tickets = tickets;
        this.redactor = redactor;
        this.idempotent = idempotent;
    }

    record ChatMessage(
            @NotBlank @Pattern(regexp = Ids.PATTERN, message = "must be a customer id") String customerId,
            @Pattern(regexp = Ids.PATTERN, message = "must be a conversation id") String conversationId,
            @NotBlank @Size(max = 2000) String text,
            Boolean identityVerified,
            Boolean vulnerableCustomer,
            @Valid @Size(max = 10) List<AttachmentMeta> attachments) {
    }

    record Reply(String from, String text, String articleId, boolean handoff) {
    }

    record ChatAnswer(String conversationId, String interactionId, Reply reply, String ticketId) {
    }

    @PostMapping("/chat/messages")
    Mono<ChatAnswer> chat(Actor actor, @Valid @RequestBody ChatMessage message,
            @RequestHeader(value = IdempotencyKeys.HEADER, required = false) String idempotencyKey) {
        return receive(actor, message, Channel.CHAT, idempotencyKey);
    }

    @PostMapping("/talk/messages")
    Mono<ChatAnswer> talk(Actor actor, @Valid @RequestBody ChatMessage message,
            @RequestHeader(value = IdempotencyKeys.HEADER, required = false) String idempotencyKey) {
        return receive(actor, message, Channel.TALK, idempotencyKey);
    }

    private Mono<ChatAnswer> receive(Actor actor, ChatMessage message, Channel channel, String idempotencyKey) {
        actor.require(Role.CHANNEL);
        String key = IdempotencyKeys.threadKey(idempotencyKey);
        String text = redactor.redact(message.text().strip());
        // a complaint said in chat is as formal as the complaint form: the ticket gets the regulatory clock
        boolean formalComplaint = INTENTS.read(text).formalComplaint();
        Inbound inbound = new Inbound(message.customerId(), channel, "MESSAGE", message.conversationId(),
                IdempotencyKeys.keys(key), IdempotencyKeys.keys(key), key, null, text,
                AttachmentMeta.redacted(message.attachments(), redactor),
                Boolean.TRUE.equals(message.identityVerified()), null, null, formalComplaint,
                Boolean.TRUE.equals(message.vulnerableCustomer()), null);
        return idempotent.claim(key, channel.name() + " message", message)
                .then(Mono.defer(() -> reentry.admit(message.customerId(), channel, text, null)))
                .flatMap(admission -> conversations.receive(inbound,
                        conversation -> decide(conversation, channel, text, admission)))
                .flatMap(recorded -> tickets.ofConversation(recorded.conversationId()).map(TicketView::ticketId)
                        .map(Optional::of).defaultIfEmpty(Optional.empty())
                        .map(ticketId -> new ChatAnswer(recorded.conversationId(), recorded.interactionId(),
                                recorded.reply() != null
                                        ? new Reply(recorded.reply().from(), recorded.reply().text(),
                                                recorded.reply().articleId(), recorded.needsHuman())
                                        : new Reply(Message.SYSTEM, HANDED_OFF_ACK, null, recorded.needsHuman()),
                                ticketId.orElse(null))));
    }

    private Mono<Decision> decide(Conversation conversation, Channel channel, String text,
            ReentryGuard.Admission admission) {
        BotMemory memory = conversation.bot();
        if (admission.emergencyOfBlockedCustomer()) {
            // a blocked customer's lost card or fraud report: straight to a person, as urgent
            return Mono.just(new Decision(true, "URGENT", admission.emergency().get(),
                    Message.outbound(null, Message.SYSTEM, "NOTICE", EMERGENCY_ACK, null),
                    new BotMemory(memory.unansweredTurns(), true)));
        }
        if (memory.handedOff()) {
            // a person has the conversation: the message is for them. The bot stays silent, except
            // for an emergency's first guidance (kept, with its category), since a person may take minutes
            return chatbot.reply(new BotState(memory.unansweredTurns(), true), channel, text)
                    .map(reply -> {
                        // the words alone, read as the bot read them: a topic hint is no emergency
                        Optional<String> urgent = UrgentReport.categoryOf(text, null);
                        boolean guidance = urgent.isPresent() && reply.categoryHint() != null;
                        String reason = urgent.isPresent() ? "URGENT"
                                : conversation.handoffReason() == null ? "ASKED" : conversation.handoffReason();
                        String hint = reply.categoryHint() != null ? reply.categoryHint() : urgent.orElse(null);
                        return new Decision(true, reason, hint, guidance ? new Message(null, reply.from(), "NOTICE",
                                reply.text(), null, null, List.of(), null, reply.articleId()) : null, memory);
                    });
        }
        return chatbot.reply(new BotState(memory.unansweredTurns(), memory.handedOff()), channel, text)
                .map(reply -> {
                    Message answer = new Message(null, reply.from(), reply.handoff() ? "NOTICE" : "ANSWER",
                            reply.text(), null, null, List.of(), null, reply.articleId());
                    return new Decision(reply.handoff(), reply.handoff()
                            ? (reply.handoffReason() == null ? "ASKED" : reply.handoffReason()) : null,
                            reply.categoryHint(), answer,
                            new BotMemory(reply.next().unansweredTurns(), reply.next().handedOff() || reply.handoff()));
                });
    }
}
