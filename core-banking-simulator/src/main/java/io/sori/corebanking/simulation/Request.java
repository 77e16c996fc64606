package io.sori.corebanking.simulation;

import io.sori.events.banking.EmergencyAction;
import io.sori.events.banking.EmergencyActionRequested;
import java.util.Objects;

/**
 * An emergency action as the core takes it in: ids required, the free-text reason bounded.
 *
 * @param action {@code null} when the requester named an action this core does not know
 */
public record Request(String actionId, String ticketId, String customerId, EmergencyAction action, String reason) {

    /** Longer reasons are cut: the core keeps a note, not an essay. */
    static final int MAX_REASON_LENGTH = 500;

    public Request {
        if (isBlank(actionId)) {
            throw new IllegalArgumentException("an emergency action needs an actionId");
        }
        if (isBlank(customerId)) {
            throw new IllegalArgumentException("emergency action " + actionId + " names no customer");
        }
        if (reason != null && reason.length() > MAX_REASON_LENGTH) {
            reason = reason.substring(0, MAX_REASON_LENGTH);
        }
    }

    public static Request of(EmergencyActionRequested command) {
        Objects.requireNonNull(command, "command");
        return new Request(command.actionId(), command.ticketId(), command.customerId(), command.action(),
                command.reason());
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
