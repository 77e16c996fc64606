package io.sori.platform.intent;

import io.sori.events.Category;
import io.sori.events.banking.EmergencyAction;
import io.sori.platform.intent.DeadlineExtractor.Deadline;
import io.sori.platform.intent.KeywordRules.Evidence;
import io.sori.platform.intent.KeywordRules.LossMention;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Sori's one reading of a Korean customer text: the chatbot's guidance, the re-entry emergency
 * path of a blocked customer and the ticket's category, priority and emergency actions all come
 * from here, so they cannot disagree. Framework-free and stateless.
 *
 * <p><b>What counts.</b> An urgency word counts only when it reports something (see
 * {@link KeywordRules}): "카드 분실하면 어떻게 신고하는지 미리 알아두려고요", "해킹 당한건 아닌데
 * 로그인 기록 확인", "보이스피싱 예방 방법" keep their topic but report nothing.
 *
 * <p><b>Emergencies and actions.</b> The customer's own account is frozen
 * ({@link EmergencyAction#FREEZE_ACCOUNT}) only when it is at risk: voice phishing the customer
 * acted on (sent money, shared a code or password, installed an app), hacking or an unknown
 * transfer, or identity theft. A card payment the customer did not make stops the card
 * ({@link EmergencyAction#SUSPEND_CARD}), as does a lost or stolen card. A third party's fraud
 * ("중고거래 판매자가 사기꾼이에요") freezes nothing of the customer's: it is urgent, and the
 * agent helps request the payee account's stop ({@link Emergency#THIRD_PARTY_FRAUD}). Voice
 * phishing the customer did not act on ("검찰이라고 전화 왔어요", or only clicked a link) goes to a person at once
 * without a freeze; one they hung up on ("바로 끊었어요") is no emergency.
 *
 * <p><b>Category.</b> A valid hint (a form's category, a phone line, a Korean label) wins over the
 * words, except that an emergency in the text beats a hint that is less of one (FRAUD above
 * CARD_LOSS above everything else). GENERAL or an unknown hint counts as none.
 *
 * <p><b>Formal complaint.</b> "정식으로 민원 접수할게요", "금감원에 신고할 거예요", "민원 넣겠습니다"
 * file a complaint; a question about one ("민원 넣으면 얼마나 걸려요?") or a denial does not, nor
 * does a fraud victim's report to the regulator ("보이스피싱 당해서 금감원에 신고했어요").
 *
 * <p><b>Deadline.</b> The earlier of the given deadline and the one {@link DeadlineExtractor}
 * finds in the text (a past date is none).
 */
public final class IntentModel {

    /** The customer did something the fraudster asked: the account is at risk. */
    private static final Pattern ACTED = Pattern.compile("보냈|보내줬|보내드렸|이체했|이체해버|송금했|입금했|알려줬|알려드렸"
            + "|알려주었|알려줘버|불러줬|불러드렸|설치했|설치해버|깔았|깔아버|깔아줬|당했|당한|당해|피해|털렸|빠져나|나갔"
            + "|뺏겼|넘겨줬|넘겼|찍어줬|찍어서보|입력했|전달했|건넸|건네줬|줬어|줬는데|드렸어|드렸는데|속았|속아서|넘어갔|인출했|뽑아서"
            + "|대출받았|대출을받았|조종|당햇|보냇|이체햇|송금햇");

    /** The customer did not act on it: hung up, ignored, blocked. */
    private static final Pattern UNHARMED = Pattern.compile("끊었|끊어버렸|안넘어갔|안속았|무시했|차단했|아무것도안|돈은안|안눌렀"
            + "|안보냈|안알려|알려주지않|보내지않|누르지않|안깔았|설치하지않|안했어요|안당했");

    /** A loss that is over or was a stop already in place: "찾았어요", "분실신고 풀어주세요", "분실신고가 돼있어요". */
    private static final Pattern LOSS_SETTLED = Pattern.compile("(?<!못)찾았|(?<!못)찾음|되찾|(?:분실|도난|정지)[가-힣]{0,8}?"
            + "(?:해제|풀어|풀려|취소)|(?:분실신고|도난신고|정지)[가-힣]{0,3}?(?:돼있|되어있|되있|걸려있|걸렸)");

    private static final Set<String> ID_WORDS = Set.of("신분증", "주민등록증", "운전면허증");

    private final KeywordRules rules;
    private final DeadlineExtractor deadlines;

    public IntentModel(KeywordRules rules, DeadlineExtractor deadlines) {
        this.rules = Objects.requireNonNull(rules, "rules");
        this.deadlines = Objects.requireNonNull(deadlines, "deadlines");
    }

    /** Sori's default Korean rules. */
    public static IntentModel withDefaults() {
        return new IntentModel(KeywordRules.defaults(), new DeadlineExtractor());
    }

    /** A text alone, without reading a deadline: its emergencies, complaint and topic. */
    public Intent read(String text) {
        return read(text, null, null, null);
    }

    /** A text alone: no hint, no given deadline. */
    public Intent read(String text, ZonedDateTime now) {
        return read(text, null, null, now);
    }

    /** A text and a hint, for decisions that need no deadline (who to let through, what to say first). */
    public Intent read(String text, String categoryHint) {
        return read(text, categoryHint, null, null);
    }

    /**
     * @param text what the customer wrote or an agent summarised; null reads as empty
     * @param categoryHint a chosen category, phone line or label; null, blank or unknown for none
     * @param givenDeadline a deadline the customer gave in a form; null for none
     * @param now the moment of reading (relative dates are read against it, in Asia/Seoul); null reads no
     *     deadline from the text
     */
    public Intent read(String text, String categoryHint, Instant givenDeadline, ZonedDateTime now) {
        Evidence evidence = rules.analyse(text);
        String compact = TextNormalizer.normalize(text);
        Set<UrgencySignal> signals = EnumSet.noneOf(UrgencySignal.class);
        signals.addAll(evidence.signals());

        boolean phishingActedOn = false;
        if (signals.contains(UrgencySignal.VOICE_PHISHING)) {
            String withoutDenials = UNHARMED.matcher(compact).replaceAll("|");
            phishingActedOn = ACTED.matcher(withoutDenials).find();
            if (!phishingActedOn && UNHARMED.matcher(compact).find()) {
                signals.remove(UrgencySignal.VOICE_PHISHING); // a call hung up on: a report, not an emergency
            }
        }

        Category fromText = evidence.category() == null ? Category.GENERAL : evidence.category();
        Category category = CategoryNames.parse(categoryHint)
                .filter(hint -> hint != Category.GENERAL)
                .map(hint -> rank(fromText, signals, evidence) > rank(hint) ? fromText : hint)
                .orElse(fromText);

        boolean lossSettled = LOSS_SETTLED.matcher(compact).find();
        if (lossSettled) {
            signals.remove(UrgencySignal.LOSS);
            signals.remove(UrgencySignal.THEFT);
        }
        Set<Emergency> emergencies = emergencies(category, signals, evidence, phishingActedOn, lossSettled);
        if (emergencies.contains(Emergency.CARD_LOSS)
                && (category == Category.IDENTITY || category == Category.CARD || category == Category.GENERAL)) {
            category = Category.CARD_LOSS; // a lost card among other things: the card stop comes first
        }
        Set<EmergencyAction> actions = EnumSet.noneOf(EmergencyAction.class);
        emergencies.forEach(emergency -> emergency.action().ifPresent(actions::add));

        List<String> why = new ArrayList<>(evidence.why());
        Optional<Deadline> found = now == null ? Optional.empty() : deadlines.find(text, now);
        found.ifPresent(deadline -> why.add(deadline.phrase()));
        Instant deadlineAt = earlier(givenDeadline, found.map(deadline -> deadline.at().toInstant()).orElse(null));
        if (deadlineAt != null) {
            signals.add(UrgencySignal.DEADLINE);
        }
        boolean reportsFraud = signals.stream().anyMatch(UrgencySignal::isUrgent);
        boolean complaint = evidence.formalComplaint() && (compact.contains("민원") || !reportsFraud);
        return new Intent(category, signals, emergencies, actions, deadlineAt, complaint, evidence.informational(),
                why);
    }

    private static Set<Emergency> emergencies(Category category, Set<UrgencySignal> signals, Evidence evidence,
            boolean phishingActedOn, boolean lossSettled) {
        Set<Emergency> found = EnumSet.noneOf(Emergency.class);
        if (signals.contains(UrgencySignal.VOICE_PHISHING)) {
            found.add(phishingActedOn ? Emergency.VOICE_PHISHING : Emergency.SUSPECTED_FRAUD);
        }
        if (signals.contains(UrgencySignal.HACKING)) {
            found.add(Emergency.ACCOUNT_TAKEOVER);
        }
        if (signals.contains(UrgencySignal.IDENTITY_THEFT)) {
            found.add(Emergency.IDENTITY_THEFT);
        }
        if (signals.contains(UrgencySignal.UNKNOWN_PAYMENT)) {
            found.add(Emergency.UNKNOWN_CARD_PAYMENT);
        }
        if (signals.contains(UrgencySignal.FRAUD) && found.isEmpty()) {
            found.add(Emergency.THIRD_PARTY_FRAUD);
        }
        for (LossMention loss : evidence.losses()) {
            if (!loss.live() || lossSettled) {
                continue;
            }
            if (loss.about() == Category.CARD_LOSS || loss.alsoBefore().contains(Category.CARD_LOSS)
                    || loss.about() == null && category == Category.CARD_LOSS) {
                found.add(Emergency.CARD_LOSS);
            } else if (loss.about() == Category.IDENTITY) {
                found.add(ID_WORDS.contains(loss.object()) ? Emergency.ID_LOSS : Emergency.PHONE_LOSS);
            } else if (loss.about() == null) {
                found.add(Emergency.OTHER_LOSS);
            }
        }
        if (found.size() > 1) {
            found.remove(Emergency.OTHER_LOSS);
        }
        return found;
    }

    /** A chosen category is as urgent as its kind: the customer picked the fraud or card-loss line. */
    private static int rank(Category hint) {
        return hint == Category.FRAUD ? 2 : hint == Category.CARD_LOSS ? 1 : 0;
    }

    /** What the text shows: 2 for fraud with a live urgent signal, 1 for a card loss with a live loss or theft. */
    private static int rank(Category category, Set<UrgencySignal> signals, Evidence evidence) {
        if (category == Category.FRAUD && signals.stream().anyMatch(UrgencySignal::isUrgent)) {
            return 2;
        }
        if (category == Category.CARD_LOSS && evidence.losses().stream().anyMatch(LossMention::live)) {
            return 1;
        }
        return 0;
    }

    private static Instant earlier(Instant a, Instant b) {
        if (a == null) {
            return b;
        }
        return b == null || a.isBefore(b) ? a : b;
    }
}
