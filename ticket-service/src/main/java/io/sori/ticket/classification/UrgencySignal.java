package io.sori.ticket.classification;

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
    /** Other fraud (사기, 송금 사기, 중고거래 사기). */
    FRAUD,
    /** Someone acted in the customer's name (명의도용). */
    IDENTITY_THEFT,
    /** Account taken over: hacking, an unknown login, a payment or transfer the customer did not make. */
    HACKING,
    /** The customer has a deadline (stated in a form field or found in the text). */
    DEADLINE;

    private static final Set<UrgencySignal> ACCOUNT_AT_RISK = EnumSet.of(VOICE_PHISHING, FRAUD, IDENTITY_THEFT, HACKING);

    /** Money can leave the account right now: these call for a freeze (지급정지). */
    public boolean putsAccountAtRisk() {
        return ACCOUNT_AT_RISK.contains(this);
    }

    /** Loss or theft of something the customer carries. */
    public boolean isLossOrTheft() {
        return this == LOSS || this == THEFT;
    }
}
