package io.sori.channel.journey;

import io.sori.channel.conversation.Conversation;
import io.sori.channel.conversation.ConversationService;
import io.sori.channel.conversation.Message;
import io.sori.channel.web.Ids;
import io.sori.platform.security.Actor;
import io.sori.platform.web.ProblemException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * The customer's journey: every conversation and ticket across channels, newest first, each
 * conversation with the ticket it became (if any). For staff and for the customer themself.
 */
@RestController
@RequestMapping("/api/channels/customers")
class JourneyController {

    private static final int LIMIT = 100;

    private final ConversationService conversations;
    private final TicketViews tickets;

    JourneyController(ConversationService conversations, TicketViews tickets) {
        this.conversations = conversations;
        this.tickets = tickets;
    }

    /**
     * @param type       CONVERSATION or TICKET
     * @param at         last activity: what the journey is ordered by
     * @param stageIndex for tickets, k of the 4 published stages
     */
    record JourneyItem(String type, String id, String channel, Instant at, Instant startedAt, String status,
            String subject, String lastMessage, String lastMessageFrom, int messages, List<String> ticketIds,
            String number, String category, String stage, Integer stageIndex, String stageLabel,
            Instant expectedResolutionAt, List<String> conversationIds) {
    }

    record Journey(String customerId, List<JourneyItem> items) {
    }

    @GetMapping("/{customerId}/journey")
    Mono<Journey> journey(Actor actor, @PathVariable String customerId) {
        if (actor.isAnonymous()) {
            return Mono.error(Actor.unauthenticated());
        }
        Ids.require("customerId", customerId);
        if (!actor.maySee(customerId)) {
            return Mono.error(ProblemException.notFound("customer", customerId));
        }
        return Mono.zip(conversations.ofCustomer(customerId, LIMIT).collectList(),
                        tickets.ofCustomer(customerId, LIMIT).collectList())
                .map(both -> new Journey(customerId, merge(both.getT1(), both.getT2())));
    }

    static List<JourneyItem> merge(List<Conversation> conversations, List<TicketView> tickets) {
        Map<String, List<String>> ticketsByConversation = tickets.stream()
                .flatMap(t -> t.conversationIds().stream().map(c -> Map.entry(c, t.ticketId())))
                .collect(Collectors.groupingBy(Map.Entry::getKey,
                        Collectors.mapping(Map.Entry::getValue, Collectors.toList())));
        List<JourneyItem> items = new ArrayList<>();
        for (Conversation c : conversations) {
            List<Message> messages = c.messages();
            Message last = messages.isEmpty() ? null : messages.get(messages.size() - 1);
            items.add(new JourneyItem("CONVERSATION", c.id(), c.channel().name(), c.updatedAt(), c.createdAt(),
                    c.status(), c.subject(), last == null ? null : last.text(), last == null ? null : last.from(),
                    messages.size(), ticketsByConversation.getOrDefault(c.id(), List.of()), null, null, null, null,
                    null, null, null));
        }
        for (TicketView t : tickets) {
            PublishedStages.Published stage = PublishedStages.of(t.stage());
            items.add(new JourneyItem("TICKET", t.ticketId(), t.channel() == null ? null : t.channel().name(),
                    t.updatedAt(), t.createdAt(), t.stage() == null ? null : t.stage().name(), null, null, null, 0,
                    List.of(), t.number(), t.category(), t.stage() == null ? null : t.stage().name(), stage.index(),
                    stage.label(), t.expectedResolutionAt(), t.conversationIds()));
        }
        Function<JourneyItem, Instant> at = i -> i.at() == null ? Instant.EPOCH : i.at();
        items.sort(Comparator.comparing(at).reversed());
        return items;
    }
}
