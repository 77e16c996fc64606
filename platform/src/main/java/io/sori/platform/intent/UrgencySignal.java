package io.sori.platform.intent;

import java.util.EnumSet;
import java.util.Set;

/** Something in a contact that makes it time-critical. */
public enum UrgencySignal {
    /** Something was lost (분실, 잃어버렸어요): a card, a phone, a wallet. */
    LOSS,
    /** Something was stolen (도난, 훔쳐 갔어요, 소매치기). */
    THEFT,
    /** Telecom fraud: a caller posing as a prosecutor or lender (보이스피싱, 검찰 사칭, 대출 빙자). */
    VOICE_PHISHING,
    /** Fraud by someone the customer dealt with (사기, 중고거래 사기, 먹튀): the other party's account is the problem. */
    FRAUD,
    /** Someone acted in the customer's name (명의도용, "누가 제 이름으로 대출을 받았대요"). */
    IDENTITY_THEFT,
    /** Account taken over: hacking, an unknown login, a transfer or withdrawal the customer did not make. */
    HACKING,
    /** A card payment the customer did not make ("모르는 결제가 3건 있어요"): the card is being misused. */
    UNKNOWN_PAYMENT,
    /** The customer has a deadline (stated in a form field or found in the text). */
    DEADLINE;

    private static final Set<UrgencySignal> ACCOUNT_AT_RISK = EnumSet.of(VOICE_PHISHING, IDENTITY_THEFT, HACKING);
    private static final Set<UrgencySignal> URGENT = EnumSet.of(VOICE_PHISHING, FRAUD, IDENTITY_THEFT, HACKING,
            UNKNOWN_PAYMENT);

    /**
     * Money can leave the customer's own account right now: these can call for a freeze. A third
     * party's fraud ({@link #FRAUD}) does not: the customer's account is not the one at risk.
     */
    public boolean putsAccountAtRisk() {
        return ACCOUNT_AT_RISK.contains(this);
    }

    /** Harm is happening now, whatever the category: the ticket goes to the front of the queue. */
    public boolean isUrgent() {
        return URGENT.contains(this);
    }

    /** Loss or theft of something the customer carries. */
    public boolean isLossOrTheft() {
        return this == LOSS || this == THEFT;
    }
}
