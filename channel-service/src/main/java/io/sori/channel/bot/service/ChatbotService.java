package io.sori.channel.bot.service;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.sori.channel.bot.BotReply;
import io.sori.channel.bot.BotState;
import io.sori.channel.bot.DialoguePolicy;
import io.sori.channel.bot.HandoffReason;
import io.sori.channel.bot.Step;
import io.sori.channel.bot.TurnOutcome;
import io.sori.channel.kb.KbClient;
import io.sori.channel.kb.ReferenceDataCache;
import io.sori.events.channel.Channel;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * The chatbot, for the chat and talk controllers: one customer message in (PII-redacted), the
 * bot's reply out, with the state to keep for the next message. Runs the {@link DialoguePolicy}
 * and fetches what it asks for: FAQ answers and reference data from kb-service (bounded by the
 * client's timeouts and circuit breaker). Never fails for a reason of kb-service's: it hands off.
 *
 * <p>Metrics: {@code sori.bot.turns{outcome=answered|calculator|unanswered|handoff}} per bot turn
 * (messages after a handoff are not bot turns and are not counted) and
 * {@code sori.bot.handoffs{reason=ASKED|UNANSWERED|URGENT|COMPLAINT|UPSET|BOT_UNAVAILABLE}}.
 */
@Service
@EnableConfigurationProperties(BotProperties.class)
public class ChatbotService {

    private final DialoguePolicy policy;
    private final KbClient kb;
    private final ReferenceDataCache reference;
    private final Clock clock;
    private final Map<TurnOutcome, Counter> turns = new EnumMap<>(TurnOutcome.class);
    private final Map<HandoffReason, Counter> handoffs = new EnumMap<>(HandoffReason.class);

    public ChatbotService(KbClient kb, ReferenceDataCache reference, BotProperties properties, Clock clock,
            MeterRegistry meters) {
        this.policy = new DialoguePolicy(properties.unansweredTurnsBeforeHandoff());
        this.kb = kb;
        this.reference = reference;
        this.clock = clock;
        for (TurnOutcome outcome : TurnOutcome.values()) {
            if (outcome != TurnOutcome.WITH_AGENT) {
                turns.put(outcome, Counter.builder("sori.bot.turns")
                        .description("Chatbot turns by how they ended").tag("outcome", outcome.tag()).register(meters));
            }
        }
        for (HandoffReason reason : HandoffReason.values()) {
            handoffs.put(reason, Counter.builder("sori.bot.handoffs")
                    .description("Conversations the chatbot handed to a person, by reason").tag("reason", reason.name())
                    .register(meters));
        }
    }

    /**
     * The bot's reply to one message.
     *
     * @param state        what the bot remembered of the conversation ({@link BotState#fresh()} for a new one;
     *                     null reads as fresh)
     * @param channel      CHAT or TALK
     * @param redactedText the customer's message, PII already masked
     */
    public Mono<BotReply> reply(BotState given, Channel channel, String redactedText) {
        BotState state = given == null ? BotState.fresh() : given;
        return Mono.defer(() -> {
            Instant now = clock.instant();
            Step first = policy.decide(state, channel, redactedText, now, reference.current());
            Mono<Step> decided = first instanceof Step.LoadReference load
                    ? reference.loadNow(load.kind()).map(loaded -> policy.decide(state, channel, redactedText, now, loaded))
                    : Mono.just(first);
            return decided.flatMap(step -> {
                if (step instanceof Step.AskKb ask) {
                    return kb.answer(ask.question()).map(answer -> policy.afterKb(state, ask, answer));
                }
                if (step instanceof Step.Reply reply) {
                    return Mono.just(reply);
                }
                // a second LoadReference cannot happen: the data was just tried
                return Mono.error(new IllegalStateException("unexpected step " + step));
            });
        }).doOnNext(this::count).map(Step.Reply::reply);
    }

    private void count(Step.Reply turn) {
        Counter counter = turns.get(turn.outcome());
        if (counter != null) {
            counter.increment();
        }
        if (turn.outcome() == TurnOutcome.HANDOFF && turn.reply().handoffReason() != null) {
            handoffs.get(HandoffReason.valueOf(turn.reply().handoffReason())).increment();
        }
    }
}
