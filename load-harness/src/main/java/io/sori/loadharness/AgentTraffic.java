package io.sori.loadharness;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

/**
 * Agents at work: their queue, a ticket they open, the next page of tickets of a stage. Reads
 * only; ticket ids come from the store before the run.
 */
final class AgentTraffic implements Traffic {

    private static final List<String> STAGES = List.of("RECEIVED", "IN_REVIEW");

    private final Target target;
    private final List<String> ticketIds;

    private AgentTraffic(Target target, List<String> ticketIds) {
        this.target = target;
        this.ticketIds = ticketIds;
    }

    /** Reads up to 500 ticket ids to open during the run; empty when the suite has no ticket yet. */
    static AgentTraffic seeded(Target target) {
        List<String> ids = new ArrayList<>();
        for (int page = 0; page < 5 && ids.size() < 500; page++) {
            Http.Response r = target.http.get(target.gateway + "/api/tickets?size=100&page=" + page,
                    target.agentToken).block(Duration.ofSeconds(30));
            if (r == null || !r.ok()) {
                break;
            }
            JsonNode items = target.json.readTree(r.body()).path("items");
            items.forEach(t -> ids.add(t.path("id").asString()));
            if (items.size() < 100) {
                break;
            }
        }
        return new AgentTraffic(target, List.copyOf(ids));
    }

    int ticketCount() {
        return ticketIds.size();
    }

    String anyTicket(long seq) {
        return ticketIds.get((int) (seq % ticketIds.size()));
    }

    @Override
    public Mono<?> fire(long seq, long dueAt) {
        int kind = (int) (seq % 5);
        String g = target.gateway;
        if (kind == 0 || ticketIds.isEmpty()) {
            return target.get("agents.queue", g + "/api/tickets/queue", target.agentToken, dueAt);
        }
        if (kind == 4) {
            String stage = STAGES.get((int) (seq / 5 % STAGES.size()));
            return target.get("agents.list", g + "/api/tickets?stage=" + stage + "&size=20&page=" + (seq / 10 % 5),
                    target.agentToken, dueAt);
        }
        return target.get("agents.ticket", g + "/api/tickets/" + anyTicket(seq), target.agentToken, dueAt);
    }
}
