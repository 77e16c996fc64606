package io.sori.ticket.ticket;

import io.sori.events.ticket.Priority;
import io.sori.events.Category;
import io.sori.platform.intent.CategoryNames;
import io.sori.platform.intent.DeadlineExtractor;
import io.sori.platform.intent.KeywordRules;
import io.sori.platform.intent.UrgencySignal;
import io.sori.ticket.classification.Classification;
import io.sori.ticket.classification.Classifier;
import io.sori.ticket.classification.Skills;
import io.sori.ticket.priority.PriorityInputs;
import io.sori.ticket.priority.PriorityPolicy;
import io.sori.ticket.sla.AlwaysOpen;
import io.sori.ticket.sla.BusinessCalendar;
import io.sori.ticket.sla.BusinessHours;
import io.sori.ticket.sla.KoreanPublicHolidays;
import io.sori.ticket.sla.ResolutionEstimator;
import io.sori.ticket.sla.ResolutionEstimator.Estimate;
import io.sori.ticket.sla.SlaPolicies;
import io.sori.ticket.ticket.QueueStats.Staffing;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * The bank's configured rules in one place, built once from {@link TicketSettings}: how contacts
 * are classified and prioritised, which calendar a team works on, the SLA table, the regulatory
 * clock and the estimate.
 */
@Component
@EnableConfigurationProperties(TicketSettings.class)
public class TicketRules implements TicketPolicies {

    public static final ZoneId SEOUL = ZoneId.of("Asia/Seoul");
    public static final String ALWAYS_OPEN = "ALWAYS_OPEN";
    public static final String BUSINESS_HOURS = "BUSINESS_HOURS";

    private final TicketSettings settings;
    private final Classifier classifier;
    private final PriorityPolicy priorities;
    private final SlaPolicies sla;
    private final BusinessCalendar alwaysOpen;
    private final BusinessCalendar businessHours;
    private final ResolutionEstimator estimator = new ResolutionEstimator();

    public TicketRules(TicketSettings settings) {
        this.settings = settings;
        this.classifier = new Classifier(withExtraKeywords(KeywordRules.defaults(), settings.extraKeywords()),
                new DeadlineExtractor());
        this.priorities = new PriorityPolicy(
                new PriorityPolicy.Settings(settings.urgentDeadlineWindow(), settings.highDeadlineWindow()),
                this::usuallyResolvedBy);
        this.sla = new SlaPolicies(settings.sla().stream()
                .map(r -> new SlaPolicies.Rule(r.category(), r.priority(), r.firstResponse(), r.resolution()))
                .toList());
        KoreanPublicHolidays holidays = KoreanPublicHolidays.defaults().withExtraDays(settings.extraHolidays());
        this.alwaysOpen = new AlwaysOpen();
        this.businessHours = new BusinessHours(holidays, new BusinessHours.Settings(settings.opensAt(),
                settings.closesAt(), BusinessHours.Settings.defaults().closedEveryYear()));
    }

    /** The built-in Korean rules plus the bank's own keywords per category (same precedence). */
    static KeywordRules withExtraKeywords(KeywordRules rules, Map<String, List<String>> extra) {
        Map<Category, List<String>> byCategory = new EnumMap<>(Category.class);
        extra.forEach((name, words) -> byCategory.merge(CategoryNames.parse(name).orElseThrow(
                () -> new IllegalArgumentException("sori.tickets.extra-keywords: unknown category " + name)),
                words, (a, b) -> Stream.concat(a.stream(), b.stream()).toList()));
        return rules.withExtraKeywords(byCategory);
    }

    /** A ticket's usual resolution: its SLA resolution target on its team's calendar. */
    private Instant usuallyResolvedBy(Category category, Priority priority, Instant from) {
        String calendarName = calendarNameFor(Skills.of(category).name());
        return calendar(calendarName).addWorkingTime(from, sla.targetsFor(category.name(), priority).resolution());
    }

    public TicketSettings settings() {
        return settings;
    }

    public Classification classify(String text, String categoryHint, Instant customerDeadline, Instant now) {
        return classifier.classify(text, categoryHint, customerDeadline, ZonedDateTime.ofInstant(now, SEOUL));
    }

    public Priority priorityFor(Classification c, boolean vulnerable, boolean formalComplaint, int reopenCount,
            Instant now) {
        return priorities.decide(PriorityInputs.of(c, now).withVulnerableCustomer(vulnerable)
                .withReopenCount(reopenCount).withFormalComplaint(formalComplaint));
    }

    /** Specialist teams work business days; the 24/7 desks (chat, phone, card, fraud...) never close. */
    public String calendarNameFor(String skill) {
        return settings.businessHoursSkills().contains(skill) ? BUSINESS_HOURS : ALWAYS_OPEN;
    }

    @Override
    public BusinessCalendar calendar(String name) {
        return BUSINESS_HOURS.equals(name) ? businessHours : alwaysOpen;
    }

    public SlaPolicies.Targets targets(String category, Priority priority) {
        return sla.targetsFor(category, priority);
    }

    /** 민원: due at the close of the n-th business day (Korean public holidays excluded). */
    public Instant regulatoryDue(Instant received) {
        return businessHours.addBusinessDays(received, settings.regulatoryBusinessDays());
    }

    /** The one extension counts on from the current deadline. */
    public Instant extendedRegulatoryDue(Instant currentDue) {
        return businessHours.addBusinessDays(businessHours.nextOpening(currentDue), settings.extensionBusinessDays());
    }

    /** The estimate of a ticket about to open, from the queue it joins. */
    public Estimate estimate(Instant now, String calendarName, String category, Staffing staffing, Instant slaDue,
            Instant customerDeadline) {
        TicketSettings.Typical typical = settings.typicalFor(category);
        return estimator.estimate(now, calendar(calendarName), new ResolutionEstimator.Inputs(staffing.ahead(),
                staffing.agentsOnShift(), null, typical.handling(), typical.resolve(), slaDue, customerDeadline));
    }

    /** A ticket someone picked up is estimated from then: the queue no longer matters. */
    @Override
    public Optional<Estimate> estimate(Ticket ticket, Instant now) {
        return ticket.pickedUpAt() == null ? Optional.empty() : Optional.of(estimate(ticket, now, Staffing.NONE));
    }

    /** These rules, also able to estimate a ticket still waiting in a queue of the given staffing. */
    public TicketPolicies staffed(Staffing staffing) {
        TicketRules rules = this;
        return new TicketPolicies() {
            @Override
            public BusinessCalendar calendar(String name) {
                return rules.calendar(name);
            }

            @Override
            public Priority reassess(Ticket ticket, Instant now) {
                return rules.reassess(ticket, now);
            }

            @Override
            public Optional<Estimate> estimate(Ticket ticket, Instant now) {
                return Optional.of(rules.estimate(ticket, now, staffing));
            }
        };
    }

    private Estimate estimate(Ticket t, Instant now, Staffing staffing) {
        TicketSettings.Typical typical = settings.typicalFor(t.category());
        return estimator.estimate(now, calendar(t.calendar()), new ResolutionEstimator.Inputs(staffing.ahead(),
                staffing.agentsOnShift(), t.pickedUpAt(), typical.handling(), typical.resolve(), t.resolutionDueAt(),
                t.deadlineAt()));
    }

    @Override
    public Priority reassess(Ticket ticket, Instant now) {
        Set<UrgencySignal> signals = ticket.urgencySignals().stream()
                .map(UrgencySignal::valueOf)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(UrgencySignal.class)));
        Category category = CategoryNames.parse(ticket.category()).orElse(Category.GENERAL);
        Priority decided = priorities.decide(new PriorityInputs(category, signals, ticket.deadlineAt(), now,
                ticket.vulnerableCustomer(), ticket.reopenCount(), ticket.formalComplaint(), false));
        return decided.ordinal() < ticket.priority().ordinal() ? decided : ticket.priority();
    }
}
