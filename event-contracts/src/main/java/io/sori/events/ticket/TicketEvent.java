package io.sori.events.ticket;

import io.sori.events.SoriEvent;

/** Events published by ticket-service on {@code sori.tickets.v1}, keyed by ticket id. */
public sealed interface TicketEvent extends SoriEvent
        permits TicketCreated, TicketStageChanged, TicketAssigned, TicketReplied, TicketSlaBreached,
        TicketResolved, TicketClosed, TicketReopened, ExpectedResolutionChanged, ComplaintReceiptConfirmed,
        TicketEscalated, TicketEmergencyActionUpdated, RegulatoryDeadlineExtended {

    String ticketId();

    String customerId();

    @Override
    default String aggregateId() {
        return ticketId();
    }
}
