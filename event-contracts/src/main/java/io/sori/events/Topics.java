package io.sori.events;

import java.util.List;

/** Topic names: one per owning service, keyed by aggregate id. */
public final class Topics {

    public static final String CHANNEL_INTERACTIONS = "sori.channel.interactions.v1";
    public static final String TICKETS = "sori.tickets.v1";
    public static final String KB = "sori.kb.v1";
    public static final String SURVEYS = "sori.surveys.v1";
    /** Compacted: the latest event per customer carries that customer's block state. */
    public static final String BLOCKLIST = "sori.blocklist.v1";
    /** Emergency actions for the core-banking system, which lives outside Sori. */
    public static final String BANKING_COMMANDS = "sori.banking.commands.v1";
    /** The core-banking system's acknowledgements of those actions. */
    public static final String BANKING_EVENTS = "sori.banking.events.v1";

    /** Suffix of spring-kafka's dead-letter convention. */
    public static final String DEAD_LETTER_SUFFIX = "-dlt";

    public static final List<String> ALL = List.of(
            CHANNEL_INTERACTIONS, TICKETS, KB, SURVEYS, BLOCKLIST, BANKING_COMMANDS, BANKING_EVENTS);

    private Topics() {
    }

    public static String deadLetter(String topic) {
        return topic + DEAD_LETTER_SUFFIX;
    }

    public static boolean isCompacted(String topic) {
        return BLOCKLIST.equals(topic);
    }
}
