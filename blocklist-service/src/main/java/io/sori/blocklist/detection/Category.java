package io.sori.blocklist.detection;

/** What a detected expression is, named as the report reasons are; the most severe first. */
public enum Category {
    THREAT,
    SEXUAL_HARASSMENT,
    PROFANITY
}
