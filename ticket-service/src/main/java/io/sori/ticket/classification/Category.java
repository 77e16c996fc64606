package io.sori.ticket.classification;

import io.sori.ticket.routing.Skill;
import java.util.List;
import java.util.Optional;

/** What a contact is about, in the bank's terms; decides the team that takes it. */
public enum Category {
    CARD(Skill.CARD, "카드"),
    CARD_LOSS(Skill.CARD, "카드 분실·도난", "카드분실", "카드도난", "분실신고", "도난신고", "lost card"),
    TRANSFER_LIMIT(Skill.TRANSFER_LIMIT, "이체한도", "송금한도", "한도제한계좌"),
    LIMIT_INQUIRY(Skill.LIMIT_INQUIRY, "한도조회", "카드한도", "대출한도"),
    LOAN_JEONSE(Skill.LOAN_JEONSE, "전월세보증금 대출", "전세대출", "월세대출", "전월세대출", "jeonse"),
    FX(Skill.FX, "외환", "해외송금", "환전", "외화"),
    ACCOUNT(Skill.ACCOUNT, "계좌", "입출금", "예적금"),
    IDENTITY(Skill.IDENTITY, "본인인증·로그인", "본인인증", "로그인", "명의 휴대폰 분실", "휴대폰 분실"),
    INVESTMENT(Skill.INVESTMENT, "투자·증권 계좌", "주식계좌", "증권계좌", "투자"),
    GROUP_ACCOUNT(Skill.GROUP_ACCOUNT, "모임통장"),
    FRAUD(Skill.FRAUD, "사기·보이스피싱", "사기", "보이스피싱", "명의도용", "해킹"),
    GENERAL(Skill.GENERAL, "일반 문의", "일반", "기타");

    private final Skill skill;
    private final String label;
    private final List<String> aliases;

    Category(Skill skill, String label, String... aliases) {
        this.skill = skill;
        this.label = label;
        this.aliases = List.of(aliases);
    }

    /** The team that handles it: a lost card goes to the card team, everything else 1:1. */
    public Skill skill() {
        return skill;
    }

    /** Korean name shown to agents and customers. */
    public String label() {
        return label;
    }

    /**
     * Reads a category from a form field, a phone line or an agent: the enum name in any case
     * ("card_loss", "Loan-Jeonse"), the Korean label or a common Korean alias ("전세대출",
     * "해외송금"). Spacing and separators do not matter. Empty when nothing matches.
     */
    public static Optional<Category> parse(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        String key = TextNormalizer.key(text);
        for (Category category : values()) {
            if (TextNormalizer.key(category.name()).equals(key) || TextNormalizer.key(category.label).equals(key)) {
                return Optional.of(category);
            }
        }
        for (Category category : values()) {
            if (category.aliases.stream().anyMatch(alias -> TextNormalizer.key(alias).equals(key))) {
                return Optional.of(category);
            }
        }
        return Optional.empty();
    }
}
