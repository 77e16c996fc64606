package io.sori.loadharness;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

/**
 * Every message the run sent, keyed by its customer (one new customer per message), and every
 * ticket the suite made of them: the accounting behind "nothing lost, nothing doubled" and the
 * end-to-end times. Pure bookkeeping; times are {@code System.nanoTime()} values.
 */
final class Ledger {

    private static final long HIGHEST_MICROS = 600_000_000L;

    /** A message the gateway accepted (2xx). */
    record Accepted(String customerId, String channel, long acceptedAt, boolean expectsTicket) {
    }

    private final Map<String, Accepted> accepted = new ConcurrentHashMap<>();
    /** Sent, answer not read yet: its ticket's event may well arrive before the answer does. */
    private final Set<String> sent = ConcurrentHashMap.newKeySet();
    /** Sent but not acknowledged: the client cannot know whether it was stored. */
    private final Set<String> unacknowledged = ConcurrentHashMap.newKeySet();
    /** Distinct ticket ids seen in TicketCreated events, per customer. */
    private final Map<String, Set<String>> tickets = new ConcurrentHashMap<>();
    private final Map<String, Long> firstCreatedAt = new ConcurrentHashMap<>();
    private final Histogram toCreated = new ConcurrentHistogram(HIGHEST_MICROS, 3);
    private final Histogram toReadable = new ConcurrentHistogram(HIGHEST_MICROS, 3);
    private volatile long lastCreatedAt;

    void sent(String customerId) {
        sent.add(customerId);
    }

    /** An event seen before the answer counts from the answer: 0, the ticket was there when the client knew. */
    void accepted(String customerId, String channel, long acceptedAt, boolean expectsTicket) {
        accepted.put(customerId, new Accepted(customerId, channel, acceptedAt, expectsTicket));
        // an event may have been consumed before the HTTP answer was read: time it now
        Long created = firstCreatedAt.get(customerId);
        if (created != null && expectsTicket) {
            toCreated.recordValue(micros(Math.max(0, created - acceptedAt)));
        }
    }

    void unacknowledged(String customerId) {
        unacknowledged.add(customerId);
    }

    boolean isOurs(String customerId) {
        return sent.contains(customerId) || accepted.containsKey(customerId) || unacknowledged.contains(customerId);
    }

    /** A TicketCreated event for one of our customers, seen at {@code seenAt}. Redelivered events count once. */
    void ticketCreated(String customerId, String ticketId, long seenAt) {
        tickets.computeIfAbsent(customerId, c -> ConcurrentHashMap.newKeySet()).add(ticketId);
        if (firstCreatedAt.putIfAbsent(customerId, seenAt) == null) {
            lastCreatedAt = Math.max(lastCreatedAt, seenAt);
            Accepted a = accepted.get(customerId);
            if (a != null && a.expectsTicket()) {
                toCreated.recordValue(micros(seenAt - a.acceptedAt()));
            }
        }
    }

    /** The ticket was returned by a read through the gateway at {@code readAt}. */
    void readable(String customerId, long readAt) {
        Accepted a = accepted.get(customerId);
        if (a != null) {
            toReadable.recordValue(micros(readAt - a.acceptedAt()));
        }
    }

    Accepted acceptedFor(String customerId) {
        return accepted.get(customerId);
    }

    long acceptedCount() {
        return accepted.size();
    }

    List<String> expectingTicket() {
        return accepted.values().stream().filter(Accepted::expectsTicket).map(Accepted::customerId).toList();
    }

    /** Accepted messages that should have a ticket and whose TicketCreated has not been seen yet. */
    long outstanding() {
        return accepted.values().stream().filter(a -> a.expectsTicket() && !firstCreatedAt.containsKey(a.customerId()))
                .count();
    }

    long lastCreatedAt() {
        return lastCreatedAt;
    }

    Histogram toCreated() {
        return toCreated;
    }

    Histogram toReadable() {
        return toReadable;
    }

    /**
     * The verdict after the run: for each accepted message that should have made a ticket, how many
     * tickets the API returns for its customer ({@code ticketsReadByCustomer}, from the final check;
     * a customer missing there was not checked).
     */
    Verdict verdict(Map<String, Integer> ticketsReadByCustomer) {
        List<String> lost = new ArrayList<>();
        List<String> duplicated = new ArrayList<>();
        long checked = 0;
        long expected = 0;
        for (Accepted a : accepted.values()) {
            if (!a.expectsTicket()) {
                continue;
            }
            expected++;
            Integer read = ticketsReadByCustomer.get(a.customerId());
            int events = tickets.getOrDefault(a.customerId(), Set.of()).size();
            if (read != null) {
                checked++;
            }
            int n = read != null ? read : events;
            if (n == 0) {
                lost.add(a.customerId());
            } else if (n > 1 || events > 1) {
                duplicated.add(a.customerId());
            }
        }
        long unexpected = tickets.keySet().stream().filter(c -> {
            Accepted a = accepted.get(c);
            return a != null && !a.expectsTicket();
        }).count();
        long fromUnacknowledged = unacknowledged.stream().filter(tickets::containsKey).count();
        return new Verdict(accepted.size(), expected, checked, lost, duplicated, unexpected,
                unacknowledged.size(), fromUnacknowledged);
    }

    /**
     * @param accepted           messages the gateway acknowledged
     * @param expected           of those, the ones that needed a person (a ticket)
     * @param checked            of those, read back one by one through the API after the run
     * @param lost               customers whose accepted message has no ticket
     * @param duplicated         customers with more than one ticket for their one message
     * @param unexpectedTickets  tickets for messages the bot answered without a person
     * @param unacknowledged     messages sent without a 2xx answer (refused, failed or timed out)
     * @param ticketsFromUnacknowledged of those, the ones that made a ticket all the same
     */
    record Verdict(long accepted, long expected, long checked, List<String> lost, List<String> duplicated,
            long unexpectedTickets, long unacknowledged, long ticketsFromUnacknowledged) {

        boolean clean() {
            return lost.isEmpty() && duplicated.isEmpty();
        }
    }

    private static long micros(long nanos) {
        return Math.max(1, Math.min(nanos / 1000, HIGHEST_MICROS));
    }
}
