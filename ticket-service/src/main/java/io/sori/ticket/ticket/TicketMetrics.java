package io.sori.ticket.ticket;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.sori.events.channel.InteractionRecorded;
import io.sori.events.ticket.TicketStage;
import io.sori.ticket.routing.Skill;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The desk's business numbers for Prometheus: tickets opened by channel, category and priority;
 * open tickets by stage and waiting tickets per skill (refreshed from the store by the clock
 * watch, so every instance reports the same totals: aggregate with max, not sum); first-response
 * and resolution times; SLA breaches; emergency actions by outcome.
 *
 * <p>Names are chosen for how Prometheus exposes them: its client drops a trailing
 * {@code _created} (a reserved suffix), so a counter named {@code sori.tickets.created} would
 * appear as {@code sori_tickets_total}. {@code sori.tickets.opened} appears as
 * {@code sori_tickets_opened_total}, the name the dashboards read.
 */
@Component
public class TicketMetrics {

    private static final Logger log = LoggerFactory.getLogger(TicketMetrics.class);

    private final MeterRegistry meters;
    private final Map<TicketStage, AtomicLong> openByStage = new ConcurrentHashMap<>();
    private final Map<String, AtomicLong> waitingBySkill = new ConcurrentHashMap<>();
    private final Timer firstResponse;
    private final Timer resolution;

    TicketMetrics(MeterRegistry meters) {
        this.meters = meters;
        for (TicketStage stage : TicketStage.values()) {
            AtomicLong value = new AtomicLong();
            openByStage.put(stage, value);
            Gauge.builder("sori.tickets.open", value, AtomicLong::get).tag("stage", stage.name())
                    .description("tickets per stage (RESOLVED and CLOSED count those not yet closed / all time)")
                    .register(meters);
        }
        for (Skill skill : Skill.values()) {
            waitingFor(skill.name());
        }
        this.firstResponse = Timer.builder("sori.tickets.first.response").publishPercentileHistogram()
                .maximumExpectedValue(Duration.ofDays(3)).description("from opening to the first agent reply")
                .register(meters);
        this.resolution = Timer.builder("sori.tickets.resolution").publishPercentileHistogram()
                .maximumExpectedValue(Duration.ofDays(30)).description("from opening to resolved")
                .register(meters);
    }

    void created(Ticket t) {
        meters.counter("sori.tickets.opened", "channel", String.valueOf(t.channel()), "category", t.category(),
                "priority", t.priority().name()).increment();
        t.emergencyActions().forEach(a -> meters.counter("sori.tickets.emergency.actions", "action",
                a.action().name(), "outcome", "REQUESTED").increment());
    }

    void firstResponse(Ticket t) {
        if (t.firstRespondedAt() != null) {
            firstResponse.record(Duration.between(t.createdAt(), t.firstRespondedAt()));
        }
    }

    void resolved(Ticket t) {
        if (t.resolvedAt() != null) {
            resolution.record(Duration.between(t.createdAt(), t.resolvedAt()));
        }
    }

    /**
     * A contact that could not be recorded in a ticket this attempt: counted and logged with its
     * interaction id, never dropped (the record is retried, then dead-lettered for replay).
     */
    void intakeFailed(InteractionRecorded interaction, Throwable failure) {
        meters.counter("sori.tickets.intake.failures", "reason", failure.getClass().getSimpleName()).increment();
        log.error("interaction {} of conversation {} (customer {}) could not be recorded in a ticket: {}",
                interaction.interactionId(), interaction.conversationId(), interaction.customerId(),
                failure.toString());
    }

    public void breached(Ticket t, String clock) {
        meters.counter("sori.sla.breaches", "clock", clock, "category", t.category()).increment();
    }

    void emergencySettled(String actionId, boolean completed) {
        String action = actionId.substring(actionId.lastIndexOf(':') + 1);
        meters.counter("sori.tickets.emergency.actions", "action", action, "outcome",
                completed ? "COMPLETED" : "FAILED").increment();
    }

    public void openByStage(Map<String, Long> counts) {
        openByStage.forEach((stage, value) -> value.set(counts.getOrDefault(stage.name(), 0L)));
    }

    public void waitingBySkill(Map<String, Long> counts) {
        counts.keySet().forEach(this::waitingFor);
        waitingBySkill.forEach((skill, value) -> value.set(counts.getOrDefault(skill, 0L)));
    }

    private AtomicLong waitingFor(String skill) {
        return waitingBySkill.computeIfAbsent(skill, s -> {
            AtomicLong value = new AtomicLong();
            Gauge.builder("sori.queue.depth", value, AtomicLong::get).tag("skill", s)
                    .description("open tickets of the skill nobody took yet").register(meters);
            return value;
        });
    }
}
