package io.sori.ticket.routing;

import java.util.Locale;
import java.util.Optional;

/** What an agent is trained to handle; a ticket needs exactly one. */
public enum Skill {
    GENERAL,
    CARD,
    TRANSFER_LIMIT,
    LIMIT_INQUIRY,
    LOAN_JEONSE,
    FX,
    FRAUD,
    ACCOUNT,
    IDENTITY,
    INVESTMENT,
    GROUP_ACCOUNT;

    /**
     * Reads a skill name as people and configuration files write it: any case, surrounding
     * blanks, and '-' or ' ' for '_' ("transfer-limit", " Loan Jeonse "). Empty when unknown.
     */
    public static Optional<Skill> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String name = text.strip().toUpperCase(Locale.ROOT).replace('-', '_').replace(' ', '_');
        for (Skill skill : values()) {
            if (skill.name().equals(name)) {
                return Optional.of(skill);
            }
        }
        return Optional.empty();
    }
}
