package io.sori.channel.bot;

import io.sori.channel.bot.calculator.AgeCalculator;
import io.sori.channel.bot.calculator.Calculators;
import io.sori.channel.bot.calculator.ReferenceData;
import io.sori.events.channel.Channel;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import io.sori.platform.intent.Intent;
import java.util.Optional;

/**
 * The chatbot's dialogue policy: for one customer message (already PII-redacted), answer it,
 * calculate, ask the FAQ, or hand the conversation to a person. Framework-free and pure: the
 * knowledge base and reference data are fetched by the caller when a {@link Step} asks for them.
 *
 * <p>The order of decisions, first match wins:
 * <ol>
 *   <li>already handed off: the bot stays silent ("상담사에게 전달했어요"); an emergency still
 *       gets its first guidance at once;</li>
 *   <li>an emergency as Sori's one intent model reads it (lost or stolen card or phone, fraud,
 *       voice phishing, identity theft, hacking, unknown card payments): hand off
 *       {@link HandoffReason#URGENT} with the first guidance;</li>
 *   <li>a formal complaint said in words ("정식으로 민원 접수할게요"): hand off
 *       {@link HandoffReason#COMPLAINT};</li>
 *   <li>the customer asks for a person: {@link HandoffReason#ASKED};</li>
 *   <li>the customer is clearly upset: {@link HandoffReason#UPSET};</li>
 *   <li>an empty message, only a greeting, only thanks: a short answer (the unanswered count stays);</li>
 *   <li>a calculator request: its result, or a question for what is missing (an answered turn);
 *       when its reference data cannot be had, an unanswered turn;</li>
 *   <li>anything else: ask the FAQ, then {@link #afterKb}: an answer resets the unanswered count,
 *       no answer counts one, and the {@code unansweredTurnsBeforeHandoff}-th in a row hands off
 *       {@link HandoffReason#UNANSWERED}; an unreachable knowledge base hands off at once
 *       {@link HandoffReason#BOT_UNAVAILABLE}, never an error to the customer.</li>
 * </ol>
 */
public final class DialoguePolicy {

    public static final int DEFAULT_UNANSWERED_TURNS_BEFORE_HANDOFF = 2;
    private static final System.Logger LOG = System.getLogger(DialoguePolicy.class.getName());

    private final int unansweredTurnsBeforeHandoff;

    public DialoguePolicy() {
        this(DEFAULT_UNANSWERED_TURNS_BEFORE_HANDOFF);
    }

    public DialoguePolicy(int unansweredTurnsBeforeHandoff) {
        if (unansweredTurnsBeforeHandoff < 1) {
            throw new IllegalArgumentException("unansweredTurnsBeforeHandoff must be at least 1");
        }
        this.unansweredTurnsBeforeHandoff = unansweredTurnsBeforeHandoff;
    }

    /**
     * The first step of a turn.
     *
     * @param channel   CHAT or TALK: the bot serves only the chat channels
     * @param text      the customer's message, PII-redacted
     * @param now       the moment of the message ("today" for the age calculator, in Asia/Seoul)
     * @param reference the reference data at hand (see {@link Step.LoadReference})
     */
    public Step decide(BotState state, Channel channel, String text, Instant now, ReferenceData reference) {
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(now, "now");
        Objects.requireNonNull(reference, "reference");
        if (channel != Channel.CHAT && channel != Channel.TALK) {
            throw new IllegalArgumentException("the chatbot serves CHAT and TALK, not " + channel);
        }
        String message = text == null ? "" : text.strip();
        Intent intent = CustomerSignals.read(message);
        String hint = CustomerSignals.categoryHint(intent);

        if (state.handedOff()) {
            String said = intent.isEmergency() ? Replies.emergency(intent) : Replies.WITH_AGENT;
            return reply(BotReply.SYSTEM, said, null, true, null, hint, state, TurnOutcome.WITH_AGENT);
        }
        if (intent.isEmergency()) {
            return handoff(state, HandoffReason.URGENT, Replies.emergency(intent), hint);
        }
        if (intent.formalComplaint()) {
            return handoff(state, HandoffReason.COMPLAINT, Replies.COMPLAINT, hint);
        }
        if (CustomerSignals.asksForPerson(message)) {
            return handoff(state, HandoffReason.ASKED, Replies.ASKED, hint);
        }
        if (CustomerSignals.upset(message)) {
            return handoff(state, HandoffReason.UPSET, Replies.UPSET, hint);
        }
        if (message.isEmpty()) {
            return reply(BotReply.BOT, Replies.EMPTY, null, false, null, null, state, TurnOutcome.ANSWERED);
        }
        if (CustomerSignals.onlyGreeting(message)) {
            return reply(BotReply.BOT, Replies.GREETING, null, false, null, null, state, TurnOutcome.ANSWERED);
        }
        if (CustomerSignals.onlyThanks(message)) {
            return reply(BotReply.BOT, Replies.THANKS, null, false, null, null, state, TurnOutcome.ANSWERED);
        }
        Optional<Calculators.Answer> calculated = calculate(message, now, reference);
        if (calculated.isPresent()) {
            Calculators.Answer answer = calculated.get();
            return switch (answer.status()) {
                case NEEDS_REFERENCE -> new Step.LoadReference(answer.needs());
                case ANSWERED, MISSING_PARAMETERS -> reply(BotReply.BOT, answer.text(), null, false, null, hint,
                        state.answered(), TurnOutcome.CALCULATOR);
                case UNAVAILABLE -> unanswered(state, answer.text(), HandoffReason.BOT_UNAVAILABLE,
                        Replies.REFERENCE_UNAVAILABLE, hint);
            };
        }
        return new Step.AskKb(message, hint);
    }

    /**
     * The calculator's answer, if the message asks for one. A calculator that trips over a message
     * it did not foresee must not cost the customer an answer: the message goes to the FAQ instead.
     */
    private static Optional<Calculators.Answer> calculate(String message, Instant now, ReferenceData reference) {
        try {
            Optional<Calculators.Kind> calculator = Calculators.recognise(message);
            if (calculator.isEmpty()) {
                return Optional.empty();
            }
            LocalDate today = LocalDate.ofInstant(now, AgeCalculator.SEOUL);
            return Optional.of(Calculators.answer(calculator.get(), message, today, reference));
        } catch (RuntimeException unforeseen) {
            LOG.log(System.Logger.Level.WARNING, "calculator failed on a message; asking the FAQ instead", unforeseen);
            return Optional.empty();
        }
    }

    /** The second step of a turn that asked the FAQ. */
    public Step.Reply afterKb(BotState state, Step.AskKb asked, KbAnswer answer) {
        Objects.requireNonNull(answer, "answer");
        return switch (answer.status()) {
            case ANSWERED -> reply(BotReply.BOT, PlainText.fromMarkdown(answer.answer()), answer.articleId(), false, null,
                    asked.categoryHint(), state.answered(), TurnOutcome.ANSWERED);
            case NOT_ANSWERED -> unanswered(state, Replies.notUnderstood(answer.relatedTitles()), HandoffReason.UNANSWERED,
                    Replies.UNANSWERED, asked.categoryHint());
            case UNAVAILABLE -> handoff(state, HandoffReason.BOT_UNAVAILABLE, Replies.BOT_UNAVAILABLE, asked.categoryHint());
        };
    }

    private Step.Reply unanswered(BotState state, String botText, HandoffReason reason, String handoffText, String hint) {
        BotState counted = state.unanswered();
        if (counted.unansweredTurns() >= unansweredTurnsBeforeHandoff) {
            return handoff(counted, reason, handoffText, hint);
        }
        return reply(BotReply.BOT, botText, null, false, null, hint, counted, TurnOutcome.UNANSWERED);
    }

    private static Step.Reply handoff(BotState state, HandoffReason reason, String text, String hint) {
        return reply(BotReply.SYSTEM, text, null, true, reason.name(), hint, state.handOff(), TurnOutcome.HANDOFF);
    }

    private static Step.Reply reply(String from, String text, String articleId, boolean handoff, String reason,
            String hint, BotState next, TurnOutcome outcome) {
        return new Step.Reply(new BotReply(from, text, articleId, handoff, reason, hint, next), outcome);
    }
}
