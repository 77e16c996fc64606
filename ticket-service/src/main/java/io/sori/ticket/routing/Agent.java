package io.sori.ticket.routing;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * An agent's skills, capacity and load. {@code active}/{@code assignedToday} move only through
 * atomic conditional updates ({@link AgentLoad}), so two instances can never both take an
 * agent's last free slot.
 */
@Document(Agent.COLLECTION)
public class Agent {

    public static final String COLLECTION = "agents";

    @Id
    private String id;
    private String displayName;
    private String contact;
    private List<String> skills = new ArrayList<>();
    private boolean supervisor;
    private int maxConcurrent;
    private int maxDaily;
    private AgentStatus status;
    private int active;
    private int assignedToday;
    /** The Seoul day {@code assignedToday} counts. */
    private LocalDate day;
    private Instant lastAssignedAt;
    /** After reporting an abusive customer the agent pauses: no new work before this (blocklist-service). */
    private Instant restUntil;
    private Instant updatedAt;
    @Version
    private Long version;

    protected Agent() {
    }

    public Agent(String id) {
        this.id = id;
        this.status = AgentStatus.OFFLINE;
    }

    void update(String displayName, String contact, List<String> skills, boolean supervisor, int maxConcurrent,
            int maxDaily, AgentStatus status, Instant now) {
        this.displayName = displayName;
        this.contact = contact;
        this.skills = new ArrayList<>(skills);
        this.supervisor = supervisor;
        this.maxConcurrent = maxConcurrent;
        this.maxDaily = maxDaily;
        this.status = status;
        this.updatedAt = now;
    }

    Router.Candidate candidate(LocalDate today, Instant now) {
        int today_ = today.equals(day) ? assignedToday : 0;
        return new Router.Candidate(id, Set.copyOf(skills), status, supervisor, active, maxConcurrent, today_, maxDaily,
                lastAssignedAt, restUntil != null && restUntil.isAfter(now));
    }

    public String id() { return id; }
    public String displayName() { return displayName; }
    public String contact() { return contact; }
    public List<String> skills() { return List.copyOf(skills); }
    public boolean supervisor() { return supervisor; }
    public int maxConcurrent() { return maxConcurrent; }
    public int maxDaily() { return maxDaily; }
    public AgentStatus status() { return status; }
    public int active() { return active; }
    public int assignedToday() { return assignedToday; }
    public LocalDate day() { return day; }
    public Instant lastAssignedAt() { return lastAssignedAt; }
    public Instant restUntil() { return restUntil; }
    public Instant updatedAt() { return updatedAt; }
    public Long version() { return version; }
}
