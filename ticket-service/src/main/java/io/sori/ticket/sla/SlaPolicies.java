package io.sori.ticket.sla;

import io.sori.events.ticket.Priority;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * Service levels: the first rule that matches a ticket's category and priority gives its
 * first-response and resolution targets, as working time on the ticket's team calendar. A rule
 * without a category or priority matches any; the last rules must cover every priority.
 */
public final class SlaPolicies {

    /** One row of the policy table; {@code category} and {@code priority} null mean "any". */
    public record Rule(String category, Priority priority, Duration firstResponse, Duration resolution) {

        public Rule {
            Objects.requireNonNull(firstResponse, "firstResponse");
            Objects.requireNonNull(resolution, "resolution");
            if (firstResponse.isNegative() || firstResponse.isZero() || resolution.compareTo(firstResponse) < 0) {
                throw new IllegalArgumentException("a policy needs 0 < first response <= resolution: " + this);
            }
        }

        boolean matches(String ticketCategory, Priority ticketPriority) {
            return (category == null || category.equals(ticketCategory))
                    && (priority == null || priority == ticketPriority);
        }
    }

    /** The targets of one ticket. */
    public record Targets(Duration firstResponse, Duration resolution) {
    }

    private final List<Rule> rules;

    public SlaPolicies(List<Rule> rules) {
        this.rules = List.copyOf(rules);
        for (Priority priority : Priority.values()) {
            if (this.rules.stream().noneMatch(r -> r.category() == null
                    && (r.priority() == null || r.priority() == priority))) {
                throw new IllegalArgumentException("no catch-all SLA rule for priority " + priority);
            }
        }
    }

    public Targets targetsFor(String category, Priority priority) {
        return rules.stream().filter(rule -> rule.matches(category, priority)).findFirst()
                .map(rule -> new Targets(rule.firstResponse(), rule.resolution()))
                .orElseThrow(); // the constructor guarantees a catch-all
    }
}
