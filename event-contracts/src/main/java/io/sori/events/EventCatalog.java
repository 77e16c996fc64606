package io.sori.events;

import io.sori.events.banking.EmergencyActionCompleted;
import io.sori.events.banking.EmergencyActionFailed;
import io.sori.events.banking.EmergencyActionRequested;
import io.sori.events.blocklist.AgentRestGranted;
import io.sori.events.blocklist.CustomerBlocked;
import io.sori.events.blocklist.CustomerUnblocked;
import io.sori.events.blocklist.CustomerWarned;
import io.sori.events.channel.CallbackRequested;
import io.sori.events.channel.InteractionRecorded;
import io.sori.events.channel.MessageDelivered;
import io.sori.events.kb.ArticleArchived;
import io.sori.events.kb.ArticlePublished;
import io.sori.events.kb.ReferenceDataUpdated;
import io.sori.events.kb.SuggestionsComputed;
import io.sori.events.survey.LowSatisfactionReported;
import io.sori.events.survey.SurveyAnswered;
import io.sori.events.survey.SurveyIssued;
import io.sori.events.ticket.ComplaintReceiptConfirmed;
import io.sori.events.ticket.ExpectedResolutionChanged;
import io.sori.events.ticket.RegulatoryDeadlineExtended;
import io.sori.events.ticket.TicketAssigned;
import io.sori.events.ticket.TicketClosed;
import io.sori.events.ticket.TicketCreated;
import io.sori.events.ticket.TicketEmergencyActionUpdated;
import io.sori.events.ticket.TicketEscalated;
import io.sori.events.ticket.TicketReopened;
import io.sori.events.ticket.TicketReplied;
import io.sori.events.ticket.TicketResolved;
import io.sori.events.ticket.TicketSlaBreached;
import io.sori.events.ticket.TicketStageChanged;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Every event type on the wire: its logical name, schema version, record and topic.
 * The logical names are the contract; renaming a record must not change them.
 */
public final class EventCatalog {

    public record Entry(String type, int version, Class<? extends SoriEvent> javaType, String topic) {
    }

    private static final List<Entry> ENTRIES = List.of(
            new Entry("channel.InteractionRecorded", 1, InteractionRecorded.class, Topics.CHANNEL_INTERACTIONS),
            new Entry("channel.CallbackRequested", 1, CallbackRequested.class, Topics.CHANNEL_INTERACTIONS),
            new Entry("channel.MessageDelivered", 1, MessageDelivered.class, Topics.CHANNEL_INTERACTIONS),

            new Entry("ticket.TicketCreated", 1, TicketCreated.class, Topics.TICKETS),
            new Entry("ticket.TicketStageChanged", 1, TicketStageChanged.class, Topics.TICKETS),
            new Entry("ticket.TicketAssigned", 1, TicketAssigned.class, Topics.TICKETS),
            new Entry("ticket.TicketReplied", 1, TicketReplied.class, Topics.TICKETS),
            new Entry("ticket.TicketSlaBreached", 1, TicketSlaBreached.class, Topics.TICKETS),
            new Entry("ticket.TicketResolved", 1, TicketResolved.class, Topics.TICKETS),
            new Entry("ticket.TicketClosed", 1, TicketClosed.class, Topics.TICKETS),
            new Entry("ticket.TicketReopened", 1, TicketReopened.class, Topics.TICKETS),
            new Entry("ticket.ExpectedResolutionChanged", 1, ExpectedResolutionChanged.class, Topics.TICKETS),
            new Entry("ticket.ComplaintReceiptConfirmed", 1, ComplaintReceiptConfirmed.class, Topics.TICKETS),
            new Entry("ticket.TicketEscalated", 1, TicketEscalated.class, Topics.TICKETS),
            new Entry("ticket.TicketEmergencyActionUpdated", 1, TicketEmergencyActionUpdated.class, Topics.TICKETS),
            new Entry("ticket.RegulatoryDeadlineExtended", 1, RegulatoryDeadlineExtended.class, Topics.TICKETS),

            new Entry("banking.EmergencyActionRequested", 1, EmergencyActionRequested.class, Topics.BANKING_COMMANDS),
            new Entry("banking.EmergencyActionCompleted", 1, EmergencyActionCompleted.class, Topics.BANKING_EVENTS),
            new Entry("banking.EmergencyActionFailed", 1, EmergencyActionFailed.class, Topics.BANKING_EVENTS),

            new Entry("kb.ArticlePublished", 1, ArticlePublished.class, Topics.KB),
            new Entry("kb.ArticleArchived", 1, ArticleArchived.class, Topics.KB),
            new Entry("kb.SuggestionsComputed", 1, SuggestionsComputed.class, Topics.KB),
            new Entry("kb.ReferenceDataUpdated", 1, ReferenceDataUpdated.class, Topics.KB),

            new Entry("survey.SurveyIssued", 1, SurveyIssued.class, Topics.SURVEYS),
            new Entry("survey.SurveyAnswered", 1, SurveyAnswered.class, Topics.SURVEYS),
            new Entry("survey.LowSatisfactionReported", 1, LowSatisfactionReported.class, Topics.SURVEYS),

            new Entry("blocklist.CustomerWarned", 1, CustomerWarned.class, Topics.BLOCKLIST),
            new Entry("blocklist.CustomerBlocked", 1, CustomerBlocked.class, Topics.BLOCKLIST),
            new Entry("blocklist.CustomerUnblocked", 1, CustomerUnblocked.class, Topics.BLOCKLIST),
            new Entry("blocklist.AgentRestGranted", 1, AgentRestGranted.class, Topics.BLOCKLIST));

    private static final Map<String, Entry> BY_TYPE =
            ENTRIES.stream().collect(Collectors.toUnmodifiableMap(Entry::type, Function.identity()));
    private static final Map<Class<?>, Entry> BY_CLASS =
            ENTRIES.stream().collect(Collectors.toUnmodifiableMap(Entry::javaType, Function.identity()));

    private EventCatalog() {
    }

    public static List<Entry> entries() {
        return ENTRIES;
    }

    public static Optional<Entry> entryFor(String type) {
        return Optional.ofNullable(BY_TYPE.get(type));
    }

    public static Entry entryFor(Class<?> javaType) {
        Entry entry = BY_CLASS.get(javaType);
        if (entry == null) {
            throw new IllegalArgumentException(javaType.getName() + " is not a catalogued Sori event");
        }
        return entry;
    }
}
