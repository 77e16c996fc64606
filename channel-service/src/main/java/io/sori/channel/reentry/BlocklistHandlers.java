package io.sori.channel.reentry;

import io.sori.channel.ChannelMetrics;
import io.sori.channel.ChannelSettings;
import io.sori.channel.conversation.Conversation;
import io.sori.channel.conversation.ConversationService;
import io.sori.channel.conversation.Message;
import io.sori.channel.delivery.PushSender;
import io.sori.events.EventEnvelope;
import io.sori.events.Topics;
import io.sori.events.blocklist.CustomerBlocked;
import io.sori.events.blocklist.CustomerUnblocked;
import io.sori.events.blocklist.CustomerWarned;
import io.sori.events.channel.Channel;
import io.sori.platform.messaging.EventHandler;
import io.sori.platform.messaging.TombstoneHandler;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import reactor.core.publisher.Mono;

/**
 * Keeps the block view from {@code sori.blocklist.v1} (warnings, blocks, lifts, tombstones), ends a
 * customer's live consultations on the blocked channels when a block arrives, with the notice the law
 * requires, and shows a warning in the live conversation when one arrives.
 */
@Configuration(proxyBeanMethods = false)
class BlocklistHandlers {

    private static final Logger log = LoggerFactory.getLogger(BlocklistHandlers.class);
    /** Where a live consultation can be going on: the bot channels and the app's 1:1 inquiry and complaint. */
    static final List<Channel> LIVE = List.of(Channel.CHAT, Channel.TALK, Channel.INQUIRY, Channel.COMPLAINT);

    @Bean
    EventHandler<CustomerBlocked> customerBlockedHandler(BlockStates blocks, ConversationService conversations,
            PushSender push, ChannelSettings settings, ChannelMetrics metrics, Clock clock) {
        return EventHandler.of(CustomerBlocked.class, envelope -> blocks.apply(envelope)
                .filter(view -> view.activeAt(clock.instant()))
                .flatMap(view -> endLiveConsultations(view, conversations, push, settings, metrics, clock)));
    }

    @Bean
    EventHandler<CustomerUnblocked> customerUnblockedHandler(BlockStates blocks) {
        return EventHandler.of(CustomerUnblocked.class, envelope -> blocks.apply(envelope).then());
    }

    @Bean
    EventHandler<CustomerWarned> customerWarnedHandler(BlockStates blocks, ConversationService conversations,
            PushSender push, Clock clock) {
        return EventHandler.of(CustomerWarned.class, envelope -> blocks.apply(envelope).then(
                warnInLiveConversations(envelope.payload(), conversations, push, clock)));
    }

    @Bean
    TombstoneHandler blocklistTombstones(BlockStates blocks) {
        return new TombstoneHandler() {
            @Override
            public String topic() {
                return Topics.BLOCKLIST;
            }

            @Override
            public Mono<Void> handleTombstone(String customerId) {
                return blocks.forget(customerId);
            }
        };
    }

    /**
     * Appends the notice (once per block, by its id) as a SYSTEM message, closes the conversation and
     * pushes the notice to the customer's device.
     */
    private static Mono<Void> endLiveConsultations(BlockView block, ConversationService conversations,
            PushSender push, ChannelSettings settings, ChannelMetrics metrics, Clock clock) {
        String notice = BlockNotices.consultationEnded(block.reason(), block.until(), settings.emergencyPath());
        String noticeId = "block-" + (block.blockId() == null ? block.stateAt().toEpochMilli() : block.blockId());
        return conversations.openConversations(block.customerId(), LIVE.stream().filter(block::covers).toList())
                .concatMap(open -> {
                    Instant now = clock.instant();
                    boolean[] closedNow = {false};
                    return conversations.update(open.id(), c -> {
                                closedNow[0] = false; // a retry after a conflict judges afresh
                                if (!c.isOpen()) {
                                    return false;
                                }
                                if (c.message(noticeId).isEmpty()) {
                                    c.add(Message.outbound(noticeId, Message.SYSTEM, "NOTICE", notice, now));
                                }
                                c.close("BLOCKED", now);
                                closedNow[0] = true;
                                return true;
                            })
                            .filter(c -> closedNow[0])
                            .flatMap(c -> {
                                if (ConversationService.isBotChannel(c.channel())) {
                                    metrics.conversationClosed(c.channel(), c.bot().handedOff()
                                            || c.handoffReason() != null);
                                }
                                log.info("conversation {} ended: customer blocked until {}", c.id(), block.until());
                                return push.push(new PushSender.Push(noticeId + ":" + c.id(), c.customerId(),
                                        c.channel().name(), c.id(), "상담 종료 안내", notice));
                            });
                })
                .then();
    }

    /**
     * Appends the warning (once per warning, by its report id) as a SYSTEM message to the conversation
     * the conduct happened in, or to every live chat and talk when none is named, and pushes it.
     */
    private static Mono<Void> warnInLiveConversations(CustomerWarned warned, ConversationService conversations,
            PushSender push, Clock clock) {
        String notice = BlockNotices.warning(warned.reason());
        String noticeId = "warning-" + warned.reportId();
        return conversations.openConversations(warned.customerId(), List.of(Channel.CHAT, Channel.TALK))
                .filter(c -> warned.conversationId() == null || c.id().equals(warned.conversationId()))
                .concatMap(open -> {
                    boolean[] addedNow = {false};
                    return conversations.update(open.id(), c -> {
                                addedNow[0] = c.isOpen() && c.message(noticeId).isEmpty();
                                if (addedNow[0]) {
                                    c.add(Message.outbound(noticeId, Message.SYSTEM, "NOTICE", notice, clock.instant()));
                                }
                                return addedNow[0];
                            })
                            .filter(c -> addedNow[0])
                            .flatMap(c -> push.push(new PushSender.Push(noticeId + ":" + c.id(), c.customerId(),
                                    c.channel().name(), c.id(), "상담 예절 안내", notice)));
                })
                .then();
    }
}
