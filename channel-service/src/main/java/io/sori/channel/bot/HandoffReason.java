package io.sori.channel.bot;

/** Why the chatbot hands a conversation to a person. */
public enum HandoffReason {
    /** The customer asked for a person ("상담원 연결해 주세요"). */
    ASKED,
    /** The bot could not answer twice in a row. */
    UNANSWERED,
    /** A lost or stolen card, fraud, voice phishing, identity theft, hacking or an unknown payment: at once. */
    URGENT,
    /** The customer files a formal complaint (민원) in words: a person takes it, on the regulatory clock. */
    COMPLAINT,
    /** The customer is clearly upset: swearing, insults, shouting, anger. */
    UPSET,
    /** The knowledge base could not be asked (down, slow, circuit open). */
    BOT_UNAVAILABLE
}
