package io.sori.ticket.live;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.sori.ticket.ticket.TicketView;
import java.time.Instant;

/**
 * One change of one ticket as the console receives it: the event's logical type
 * ({@code ticket.TicketAssigned}), the ticket, when it happened, and the ticket as it is now
 * (absent when it could not be read).
 *
 * @param eventId          the SSE id: the event's id on {@code sori.tickets.v1}
 * @param previousAssignee who held the ticket before an assignment, for the assignee filter
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record LiveEvent(@JsonIgnore String eventId, String type, String ticketId, Instant at, TicketView ticket,
        @JsonIgnore String previousAssignee) {
}
