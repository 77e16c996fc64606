package io.sori.ticket.routing;

/** An agent's availability for new work. BUSY agents keep their tickets but get no new ones. */
public enum AgentStatus {
    AVAILABLE,
    BUSY,
    OFFLINE
}
