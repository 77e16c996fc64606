package io.sori.events.channel;

/** Where a customer reached the bank. */
public enum Channel {
    /** In-app chat (chatbot first, then an agent). */
    CHAT,
    /** Messenger talk chat (톡상담). */
    TALK,
    /** Phone calls and callback requests. */
    PHONE,
    EMAIL,
    /** 1:1 web inquiry (1:1 문의). */
    INQUIRY,
    /** In-app complaint (앱 내 민원 접수). */
    COMPLAINT
}
