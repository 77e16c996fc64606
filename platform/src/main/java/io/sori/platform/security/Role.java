package io.sori.platform.security;

/** Who may do what: the roles of API.md, plus the suite's own background work. */
public enum Role {
    CUSTOMER,
    AGENT,
    SUPERVISOR,
    ADMIN,
    CHANNEL,
    /** the service itself: schedulers, event handlers */
    SYSTEM
}
