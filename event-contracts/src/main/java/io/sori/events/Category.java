package io.sori.events;

/**
 * The one vocabulary of what a contact is about, shared by tickets, knowledge-base articles and
 * survey roll-ups. Events carry the name as a string so a reader meets a newer name without
 * failing; this enum is where every service looks the names up.
 */
public enum Category {
    CARD("카드"),
    CARD_LOSS("카드 분실·도난"),
    TRANSFER_LIMIT("이체한도"),
    LIMIT_INQUIRY("한도조회"),
    LOAN_JEONSE("전월세보증금 대출"),
    FX("외환"),
    ACCOUNT("계좌"),
    IDENTITY("본인인증·로그인"),
    INVESTMENT("투자·증권 계좌"),
    GROUP_ACCOUNT("모임통장"),
    FRAUD("사기·보이스피싱"),
    GENERAL("일반 문의");

    private final String label;

    Category(String label) {
        this.label = label;
    }

    /** The Korean name shown to agents and customers. */
    public String label() {
        return label;
    }
}
