package io.sori.events.banking;

import io.sori.events.SoriEvent;

/** The core-banking system's answers on {@code sori.banking.events.v1}, keyed by customer. */
public sealed interface BankingEvent extends SoriEvent
        permits EmergencyActionCompleted, EmergencyActionFailed {

    String actionId();

    String ticketId();
}
