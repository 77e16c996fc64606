package io.sori.ticket.priority;

import io.sori.events.ticket.Priority;
import java.time.Instant;
import java.util.Comparator;
import java.util.Objects;
import java.util.function.Function;

/**
 * The order agents take work in: priority first (URGENT before LOW), then the earliest due
 * moment (the customer's deadline or an SLA due time, whichever comes first; none goes last),
 * then the oldest ticket.
 */
public final class QueueOrder {

    private QueueOrder() {
    }

    /**
     * A comparator over any ticket-like type.
     *
     * @param dueAt the moment the ticket is due, null for none; see {@link #earliest}
     */
    public static <T> Comparator<T> comparing(Function<? super T, Priority> priority,
            Function<? super T, Instant> dueAt, Function<? super T, Instant> createdAt) {
        Objects.requireNonNull(priority, "priority");
        Objects.requireNonNull(dueAt, "dueAt");
        Objects.requireNonNull(createdAt, "createdAt");
        return Comparator.<T>comparingInt(item -> PriorityPolicy.rank(priority.apply(item)))
                .thenComparing(dueAt, Comparator.nullsLast(Comparator.naturalOrder()))
                .thenComparing(createdAt, Comparator.nullsLast(Comparator.naturalOrder()));
    }

    /** The earlier of two optional moments (a deadline and an SLA due time); null when both are. */
    public static Instant earliest(Instant a, Instant b) {
        if (a == null) {
            return b;
        }
        return b == null || a.isBefore(b) ? a : b;
    }
}
