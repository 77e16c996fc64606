package io.sori.events.ticket;

/** Queue priority, most urgent first. */
public enum Priority {
    URGENT,
    HIGH,
    NORMAL,
    LOW
}
