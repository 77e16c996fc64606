package io.sori.ticket;

import io.sori.events.EventEnvelope;
import io.sori.events.channel.Channel;
import io.sori.events.channel.InteractionRecorded;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Channel events for the ticket-service tests; callers come from {@link io.sori.testsupport.Callers}. */
public final class TicketTestSupport {

    private TicketTestSupport() {
    }

    public static String newId(String prefix) {
        return prefix + "-" + UUID.randomUUID();
    }

    /** A chat message that needs a person, as channel-service publishes it. */
    public static EventEnvelope<InteractionRecorded> message(String customer, String conversation, String text) {
        return interaction(customer, conversation, Channel.CHAT, "MESSAGE", text, null, false, true);
    }

    public static EventEnvelope<InteractionRecorded> interaction(String customer, String conversation, Channel channel,
            String kind, String text, String categoryHint, boolean formalComplaint, boolean needsHuman) {
        var event = new InteractionRecorded(newId("int"), conversation, customer, channel, kind, true, null, text,
                categoryHint, null, needsHuman, needsHuman ? "ASKED" : null, formalComplaint, List.of(), Instant.now(),
                false);
        return EventEnvelope.of(event, newId("corr"), Instant.now());
    }

    /** The same interaction again under a new event id: what a producer's retry looks like. */
    public static EventEnvelope<InteractionRecorded> resent(EventEnvelope<InteractionRecorded> original) {
        return EventEnvelope.of(original.payload(), original.correlationId(), Instant.now());
    }
}
