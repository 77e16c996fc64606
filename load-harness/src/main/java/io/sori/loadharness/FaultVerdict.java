package io.sori.loadharness;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What a {@link FaultRun} saw. Times are seconds; -1 where the step did not happen.
 *
 * @param fault                    as {@code ./bench --fault} spells it
 * @param process                  the launcher's name of the process stopped and started again
 * @param ratePerSecond            messages offered per second
 * @param durationSeconds          how long they were offered
 * @param sent                     messages sent
 * @param accepted                 acknowledged with a 2xx by the gateway
 * @param unacknowledged           answered otherwise, or not at all
 * @param statuses                 HTTP statuses per request label ({@code intake.chat}, ...; 0 = no answer)
 * @param expectedTickets          accepted messages that needed a person: each must have exactly one ticket
 * @param checkedByApi             of those, read back one by one from ticket-service after the run
 * @param lost                     customers whose accepted message has no ticket
 * @param duplicated               customers with more than one ticket for their one message
 * @param ticketsForBotAnswered    tickets for messages the chatbot answered without a person
 * @param chatsWithoutReply        chat and talk messages acknowledged without a reply for the customer
 * @param outboxPending            each service's {@code sori_outbox_pending} at the end (-1: not read)
 * @param consumerLag              events published and not yet consumed, per service's consumer group (-1: not read)
 * @param stoppedAt                when the process was gone, from the first message
 * @param restartedAt              when it was started again
 * @param readyAfterRestart        from the restart until it answered ready
 * @param ticketsCaughtUpAfterRestart from the restart until the last outstanding ticket was created
 * @param recoverySeconds          from the restart until every ticket was created, every outbox was empty and
 *                                 no service's consumer was behind
 * @param failure                  what went wrong stopping or starting the process, or {@code null}
 */
public record FaultVerdict(String fault, String process, int ratePerSecond, long durationSeconds, long sent,
        long accepted, long unacknowledged, Map<String, Map<Integer, Long>> statuses, long expectedTickets,
        long checkedByApi, List<String> lost, List<String> duplicated, long ticketsForBotAnswered,
        long chatsWithoutReply, Map<String, Long> outboxPending, Map<String, Long> consumerLag, double stoppedAt, double restartedAt,
        double readyAfterRestart, double ticketsCaughtUpAfterRestart, double recoverySeconds, String failure) {

    /** Every accepted message that needed a person has exactly one ticket. */
    public boolean noneLostOrDuplicated() {
        return lost.isEmpty() && duplicated.isEmpty();
    }

    /** Every service's outbox was read, and empty. */
    public boolean outboxesEmpty() {
        return !outboxPending.isEmpty() && outboxPending.values().stream().allMatch(n -> n == 0);
    }

    /** No event stuck: every outbox empty, and every service has consumed everything published to it. */
    public boolean noEventStuck() {
        return outboxesEmpty() && ConsumerLag.caughtUp(consumerLag);
    }

    /** Answers with this status class (5 for 5xx) to requests whose label starts with {@code labelPrefix}. */
    public long answers(String labelPrefix, int statusClass) {
        return statuses.entrySet().stream().filter(e -> e.getKey().startsWith(labelPrefix))
                .flatMap(e -> e.getValue().entrySet().stream()).filter(e -> e.getKey() / 100 == statusClass)
                .mapToLong(Map.Entry::getValue).sum();
    }

    public String summary() {
        return String.format(Locale.ROOT, "%s at %d/s for %d s: %d sent, %d accepted, %d not acknowledged %s;"
                        + " %d needed a person, %d read back: %d lost, %d duplicated; %d tickets for bot-answered"
                        + " messages; %d chats without a reply; outboxes %s; consumer lag %s; %s stopped at %.1f s,"
                        + " restarted at %.1f s,"
                        + " ready %.1f s later; tickets caught up %.1f s and recovered (every ticket, nothing on its way)"
                        + " %.1f s after the restart%s",
                fault, ratePerSecond, durationSeconds, sent, accepted, unacknowledged, statuses, expectedTickets,
                checkedByApi, lost.size(), duplicated.size(), ticketsForBotAnswered, chatsWithoutReply, outboxPending,
                consumerLag, process, stoppedAt, restartedAt, readyAfterRestart, ticketsCaughtUpAfterRestart, recoverySeconds,
                failure == null ? "" : "; failure: " + failure);
    }
}
