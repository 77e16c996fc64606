package io.sori.loadharness;

import reactor.core.publisher.Mono;

/**
 * What the gateway adds: the same request to the gateway and straight to the service, one right
 * after the other (in alternating order), at a rate the suite is far from saturated at. Two reads:
 * a ticket by id (ticket-service) and a Korean search (kb-service).
 */
final class OverheadTraffic implements Traffic {

    private final Target target;
    private final AgentTraffic tickets;

    OverheadTraffic(Target target, AgentTraffic tickets) {
        this.target = target;
        this.tickets = tickets;
    }

    @Override
    public Mono<?> fire(long seq, long dueAt) {
        boolean ticket = seq % 2 == 0 && tickets.ticketCount() > 0;
        String op = ticket ? "ticket" : "kb-search";
        String path = ticket ? "/api/tickets/" + tickets.anyTicket(seq / 2) : KbTraffic.searchPath(seq / 2);
        String direct = target.service(ticket ? "ticket-service" : "kb-service");
        Mono<?> viaGateway = timed("overhead.gateway." + op, target.gateway + path);
        Mono<?> straight = timed("overhead.direct." + op, direct + path);
        return (seq / 2) % 2 == 0 ? viaGateway.then(straight) : straight.then(viaGateway);
    }

    private Mono<?> timed(String label, String url) {
        return Mono.defer(() -> target.get(label, url, target.agentToken, System.nanoTime()));
    }
}
