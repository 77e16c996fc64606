package io.sori.platform.intent;

import io.sori.events.banking.EmergencyAction;
import java.util.Optional;

/**
 * An emergency a customer reports, and what it asks of the bank at once. Every emergency goes to
 * a person at once; only some may ask core banking for an automatic action.
 */
public enum Emergency {
    /** Deceived by a caller or messenger into sending money, sharing codes or installing an app: freeze. */
    VOICE_PHISHING(EmergencyAction.FREEZE_ACCOUNT),
    /** Hacking, an unknown login, a transfer or withdrawal the customer did not make: freeze. */
    ACCOUNT_TAKEOVER(EmergencyAction.FREEZE_ACCOUNT),
    /** Someone opened, borrowed or signed up in the customer's name: freeze, and a person at once. */
    IDENTITY_THEFT(EmergencyAction.FREEZE_ACCOUNT),
    /** A card payment the customer did not make: stop the card (the account is not the problem). */
    UNKNOWN_CARD_PAYMENT(EmergencyAction.SUSPEND_CARD),
    /** A lost or stolen card or wallet: stop the card. */
    CARD_LOSS(EmergencyAction.SUSPEND_CARD),
    /**
     * Cheated by someone the customer dealt with (a second-hand seller, a counterparty). The
     * customer's own account is not at risk and is never frozen for it: the agent helps request
     * the stop of the payee's account (지급정지) at the receiving bank, and a police report.
     */
    THIRD_PARTY_FRAUD(null),
    /** Signs of voice phishing without a sign the customer acted on it yet: a person checks before any freeze. */
    SUSPECTED_FRAUD(null),
    /** A lost or stolen phone: locked out of a mobile-only bank, and the phone can be misused. */
    PHONE_LOSS(null),
    /** A lost identity card. */
    ID_LOSS(null),
    /** Something lost or stolen, not said what. */
    OTHER_LOSS(null);

    private final EmergencyAction action;

    Emergency(EmergencyAction action) {
        this.action = action;
    }

    /** What core banking is asked to do at once; empty when a person decides. */
    public Optional<EmergencyAction> action() {
        return Optional.ofNullable(action);
    }
}
