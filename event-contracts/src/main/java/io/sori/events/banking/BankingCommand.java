package io.sori.events.banking;

import io.sori.events.SoriEvent;

/** Commands to the core-banking system on {@code sori.banking.commands.v1}, keyed by customer. */
public sealed interface BankingCommand extends SoriEvent permits EmergencyActionRequested {
}
