package io.sori.blocklist.protection;

import java.time.Instant;

/** One line of the customer's audit history: who did what, when, and why. */
public record AuditEntry(Instant at, String actor, String action, String detail) {
}
