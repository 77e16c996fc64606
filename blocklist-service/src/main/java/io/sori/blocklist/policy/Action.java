package io.sori.blocklist.policy;

/** What one rung of the ladder does to the customer. */
public enum Action {
    /** a warning in the live conversation; nothing is refused */
    WARNING,
    /** new consultations on the block's channels are refused for the rung's duration */
    BLOCK,
    /**
     * refused until lifted, or handed to a dedicated senior handler instead: a supervisor decides,
     * and the longest timed block holds meanwhile
     */
    PERMANENT_BLOCK
}
