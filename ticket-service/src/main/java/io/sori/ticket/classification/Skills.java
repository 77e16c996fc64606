package io.sori.ticket.classification;

import io.sori.events.Category;
import io.sori.ticket.routing.Skill;

/** Which team takes a category: a lost card goes to the card team, every other category to its own. */
public final class Skills {

    private Skills() {
    }

    public static Skill of(Category category) {
        return switch (category) {
            case CARD, CARD_LOSS -> Skill.CARD;
            case TRANSFER_LIMIT -> Skill.TRANSFER_LIMIT;
            case LIMIT_INQUIRY -> Skill.LIMIT_INQUIRY;
            case LOAN_JEONSE -> Skill.LOAN_JEONSE;
            case FX -> Skill.FX;
            case ACCOUNT -> Skill.ACCOUNT;
            case IDENTITY -> Skill.IDENTITY;
            case INVESTMENT -> Skill.INVESTMENT;
            case GROUP_ACCOUNT -> Skill.GROUP_ACCOUNT;
            case FRAUD -> Skill.FRAUD;
            case GENERAL -> Skill.GENERAL;
        };
    }
}
