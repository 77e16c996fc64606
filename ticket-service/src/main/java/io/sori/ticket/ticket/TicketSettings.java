package io.sori.ticket.ticket;

import io.sori.events.ticket.Priority;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The bank's ticket rules, from {@code sori.tickets.*} (see application.yml for the defaults and
 * what each means).
 */
@ConfigurationProperties("sori.tickets")
public record TicketSettings(
        List<SlaRule> sla,
        Set<String> businessHoursSkills,
        LocalTime opensAt,
        LocalTime closesAt,
        List<LocalDate> extraHolidays,
        int regulatoryBusinessDays,
        int extensionBusinessDays,
        Duration reopenWindow,
        Duration urgentDeadlineWindow,
        Duration highDeadlineWindow,
        Duration scanInterval,
        Duration routingInterval,
        Map<String, Typical> typical,
        Typical defaultTypical,
        String complaintDeskName,
        String complaintDeskContact,
        Map<String, List<String>> extraKeywords) {

    /** One row of the SLA table; category or priority left out means any. */
    public record SlaRule(String category, Priority priority, Duration firstResponse, Duration resolution) {
    }

    /**
     * @param handling agent time per ticket (how fast a queue drains)
     * @param resolve  working time from pickup to resolution
     */
    public record Typical(Duration handling, Duration resolve) {
    }

    public TicketSettings {
        sla = sla == null ? List.of() : List.copyOf(sla);
        businessHoursSkills = businessHoursSkills == null ? Set.of() : Set.copyOf(businessHoursSkills);
        extraHolidays = extraHolidays == null ? List.of() : List.copyOf(extraHolidays);
        typical = typical == null ? Map.of() : Map.copyOf(typical);
        extraKeywords = extraKeywords == null ? Map.of() : Map.copyOf(extraKeywords);
    }

    public Typical typicalFor(String category) {
        return typical.getOrDefault(category, defaultTypical);
    }
}
