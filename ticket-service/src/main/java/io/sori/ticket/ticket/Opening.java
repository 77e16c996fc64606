package io.sori.ticket.ticket;

import io.sori.events.banking.EmergencyAction;
import io.sori.events.channel.Channel;
import io.sori.events.ticket.Priority;
import io.sori.ticket.sla.ResolutionEstimator.Estimate;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * Everything decided about a new ticket before it exists: classification, priority, clocks and
 * the first estimate.
 *
 * @param interactionId   the contact that opened it; null when an agent opened it by API
 * @param firstRespondedAt set when the opener already answered (an agent logging a phone call)
 * @param why             the classification's evidence, kept in the history
 * @param identityVerified the opening contact passed the channel's identification (an agent's ticket: the agent's word)
 * @param upsetRepeatOf   the earlier ticket an angry opening contact is about again, or null
 */
public record Opening(
        String id,
        String number,
        String customerId,
        Channel channel,
        String conversationId,
        String interactionId,
        String subject,
        String description,
        String category,
        String skill,
        Priority priority,
        List<String> urgencySignals,
        Instant deadlineAt,
        boolean vulnerableCustomer,
        boolean formalComplaint,
        String calendar,
        Instant firstResponseDueAt,
        Instant resolutionDueAt,
        Instant regulatoryDueAt,
        String fssReference,
        Estimate estimate,
        Set<EmergencyAction> emergencyActions,
        Instant firstRespondedAt,
        List<String> why,
        boolean identityVerified,
        String upsetRepeatOf) {

    public Opening {
        urgencySignals = urgencySignals == null ? List.of() : List.copyOf(urgencySignals);
        emergencyActions = emergencyActions == null ? Set.of() : Set.copyOf(emergencyActions);
        why = why == null ? List.of() : List.copyOf(why);
    }
}
