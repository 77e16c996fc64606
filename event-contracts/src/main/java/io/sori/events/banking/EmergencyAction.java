package io.sori.events.banking;

/** What Sori can ask the core-banking system to do at once. */
public enum EmergencyAction {
    /** Suspected fraud or voice phishing: freeze the account (지급정지). */
    FREEZE_ACCOUNT,
    /** Lost or stolen card: stop it (카드 사용정지). */
    SUSPEND_CARD
}
