package io.sori.platform.security;

/** Who may do what: the roles of API.md, plus the suite's own background work. */
public enum Role {
    CUSTOMER,
    AGENT,
    SUPERVISOR,
    ADMIN,
    CHANNEL,
    /** another Sori service, calling for a customer who waits (the chatbot asking the knowledge base) */
    SERVICE,
    /** the service itself: schedulers, event handlers */
    SYSTEM
}
